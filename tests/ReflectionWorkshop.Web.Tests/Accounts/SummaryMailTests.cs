using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>
/// "Your summary is ready" (issue 22, mail): closing a session mails the space's coaches through a real SMTP
/// server, each in their account's language, unless they opted out; never the facilitators as such, and never
/// at the cost of the Close press.
/// </summary>
public sealed partial class SummaryMailTests
{
    private const string ActivityTitle = "Three actions toward partnership";
    private const string Answer = "Visit the grade 3 classroom on Tuesday";
    private const string Participant = "Rosa Quintero";

    [Fact]
    public async Task Closing_a_session_mails_each_coach_in_their_language_with_a_link_that_opens_the_summary_and_no_facilitator()
    {
        using var mail = new MailServer();
        var settings = mail.Settings;
        settings["PublicBaseUrl"] = "https://workshops.district.example";
        using var app = new WorkshopFactory(settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync("fran@example.org", spaceName: "Maple team");
        var ben = await MemberAsync(app, mail, fran, "ben@example.org", "Ben Coach", "Coach");
        var eva = await MemberAsync(app, mail, fran, "eva@example.org", "Eva Coach", "Coach", language: "es");
        await MemberAsync(app, mail, fran, "carla@example.org", "Carla Facilitator", "Facilitator");

        var session = await RunAndCloseAsync(app, fran);
        var toBen = await SummaryMailAsync(mail, "ben@example.org");
        var toEva = await SummaryMailAsync(mail, "eva@example.org");
        await MailedAsync(app, session);

        Assert.Equal($"Summary ready: {ActivityTitle} (Maple team)", toBen.Subject);
        Assert.Equal("en", toBen.Body!.Headers["Content-Language"]);
        Assert.Contains($"A session of \"{ActivityTitle}\" in the team space \"Maple team\" has closed", toBen.TextBody);
        Assert.Equal($"Resumen listo: {ActivityTitle} (Maple team)", toEva.Subject);
        Assert.Equal("es", toEva.Body!.Headers["Content-Language"]);
        Assert.Contains("Celebrada el ", toEva.TextBody);
        Assert.Contains("Recibes este correo porque eres coach en «Maple team»", toEva.TextBody);

        // Nothing about who took part or what they said: not the name (a named session), not an answer.
        foreach (var message in new[] { toBen, toEva })
        {
            Assert.DoesNotContain(Participant, message.TextBody);
            Assert.DoesNotContain(Answer, message.TextBody);
        }

        // The link is on the public address and opens the summary for the coach, signed in.
        var link = SummaryLink(toBen);
        Assert.Equal("workshops.district.example", link.Host);
        Assert.Equal(session.SummaryUrl, link.AbsolutePath);
        var summary = await ben.GetAsync("http://localhost" + link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Contains(Answer, summary.Text);
        Assert.Equal(HttpStatusCode.OK, (await eva.GetAsync("http://localhost" + SummaryLink(toEva).PathAndQuery)).Status);

        // Fran ran it and Carla facilitates the space: neither is mailed as a coach.
        Assert.Equal(["ben@example.org", "eva@example.org"], SummaryMails(mail).SelectMany(m => m.To.Mailboxes).Select(b => b.Address).Order());
    }

    [Fact]
    public async Task A_coach_who_unticks_the_box_on_the_account_page_gets_nothing_when_a_session_closes()
    {
        using var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync("fran@example.org", spaceName: "Oak team");
        await MemberAsync(app, mail, fran, "ben@example.org", "Ben Coach", "Coach");
        var olga = await MemberAsync(app, mail, fran, "olga@example.org", "Olga Coach", "Coach");

        var account = await olga.GetAsync("/account");
        Assert.True(Box(account).IsChecked);
        Box(account).IsChecked = false; // Olga clicks the box: an unticked box posts nothing.
        var saved = await olga.SubmitAsync(account, "form[action*='handler=Mails']");
        var session = await RunAndCloseAsync(app, fran);
        await SummaryMailAsync(mail, "ben@example.org");
        await MailedAsync(app, session);

        Assert.Contains("We will not email you when a summary is ready.", saved.Text);
        Assert.False(Box(saved).IsChecked);
        Assert.Single(SummaryMails(mail));
        Assert.DoesNotContain(SummaryMails(mail), m => m.To.Mailboxes.Any(b => b.Address == "olga@example.org"));
    }

    [Fact]
    public async Task The_mails_stop_link_works_without_signing_in_but_only_after_its_button_and_a_changed_link_is_refused()
    {
        using var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync("fran@example.org", spaceName: "Elm team");
        var ben = await MemberAsync(app, mail, fran, "ben@example.org", "Ben Coach", "Coach");
        await RunAndCloseAsync(app, fran);
        var message = await SummaryMailAsync(mail, "ben@example.org");
        var stop = new Uri(StopLink().Match(message.TextBody ?? "").Value);
        var stranger = app.NewVisitor();

        var opened = await stranger.GetAsync("http://localhost" + stop.PathAndQuery);
        var optedOutAfterOpening = await OptedOutAsync(app, "ben@example.org");
        var stopped = await stranger.SubmitAsync(opened, "main form");
        var changed = await stranger.GetAsync("http://localhost" + stop.PathAndQuery[..^6] + "AAAAAA");

        Assert.Equal($"<{stop}>", message.Headers[HeaderId.ListUnsubscribe]);
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.False(optedOutAfterOpening);
        Assert.Contains("this account gets no more emails when a summary is ready", stopped.Text);
        Assert.True(await OptedOutAsync(app, "ben@example.org"));
        Assert.False(Box(await ben.GetAsync("/account")).IsChecked);
        Assert.Equal(HttpStatusCode.BadRequest, changed.Status);
        Assert.Null(changed.Document.QuerySelector("main form"));
    }

    [Fact]
    public async Task Close_answers_at_once_while_the_mail_server_hangs_and_a_failure_to_mail_is_only_logged()
    {
        var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync("fran@example.org", spaceName: "Pine team");
        await MemberAsync(app, mail, fran, "ben@example.org", "Ben Coach", "Coach");
        var session = await RunAsync(app, fran);

        // The mail server goes; in its place something that takes the connection and never answers.
        mail.Dispose();
        var silent = new TcpListener(IPAddress.Loopback, mail.Port);
        silent.Start();
        Page closed;
        var pressed = Stopwatch.StartNew();
        try
        {
            closed = await fran.CloseAsync(session);
            pressed.Stop();
        }
        finally
        {
            // Dropping the listener resets the connection the sender is waiting on: now it fails.
            silent.Stop();
        }

        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Equal(session.RunUrl, closed.Url);
        Assert.NotNull(closed.Document.QuerySelector($"a.button[href='{session.SummaryUrl}']"));
        Assert.True(pressed.Elapsed < TimeSpan.FromSeconds(5), $"Close took {pressed.Elapsed}");
        await LoggedAsync(app, "Could not send an email to ben@example.org");
    }

    [Fact]
    public async Task Without_a_mail_server_the_summary_mail_is_written_to_the_log()
    {
        using var app = new WorkshopFactory();
        var fran = app.NewVisitor();
        await fran.SignUpAsync("fran@example.org", spaceName: "Ash team");
        var ben = app.NewVisitor();
        await ben.SignUpAsync("ben@example.org", name: "Ben Coach", spaceName: null);
        await fran.AcceptInviteAsync(ben, "Coach");

        var session = await RunAndCloseAsync(app, fran);
        await MailedAsync(app, session);

        Assert.Contains(app.LoggedLinks(), l => l.AbsolutePath == session.SummaryUrl);
        Assert.Contains(app.Logs, l => l.Contains("The unsent email to ben@example.org", StringComparison.Ordinal) && l.Contains("Summary ready: " + ActivityTitle, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_racing_closes_of_one_session_queue_its_mails_once()
    {
        var queue = new SummaryMailQueue(Microsoft.Extensions.Logging.Abstractions.NullLogger<SummaryMailQueue>.Instance);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        queue.SessionClosed(first);
        queue.SessionClosed(first);
        queue.SessionClosed(second);

        Assert.True(queue.Reader.TryRead(out var a));
        Assert.True(queue.Reader.TryRead(out var b));
        Assert.False(queue.Reader.TryRead(out _));
        Assert.Equal([first, second], [a, b]);
    }

    /// <summary>Registers through the mailed link (mail is on), picks a language, and joins Fran's space in <paramref name="role"/>.</summary>
    private static async Task<Visitor> MemberAsync(WorkshopFactory app, MailServer mail, Visitor facilitator, string email, string name, string role, string? language = null)
    {
        var person = app.NewVisitor();
        await person.SignUpAsync(email, name: name, spaceName: null);
        var finish = await mail.MessageAsync(m => To(m, email) && m.Subject == "Finish creating your Reflection Workshop account", $"The mail that finishes {name}'s registration");
        var confirm = await person.GetAsync("http://localhost" + new Uri(AnyLink().Match(finish.TextBody ?? "").Value).PathAndQuery);
        await person.PostAsync(confirm, "main form");
        if (language is not null)
        {
            await person.SubmitAsync(await person.GetAsync("/account"), "main form", ("Language", language));
        }

        await facilitator.AcceptInviteAsync(person, role);
        return person;
    }

    /// <summary>A named session of three actions: one phone joins, answers, and the room runs.</summary>
    private static async Task<RunningSession> RunAsync(WorkshopFactory app, Visitor facilitator)
    {
        var session = await facilitator.OpenSessionAsync("three-actions", "Named");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code, Participant);
        await facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Items[0]", Answer));
        return session;
    }

    private static async Task<RunningSession> RunAndCloseAsync(WorkshopFactory app, Visitor facilitator)
    {
        var session = await RunAsync(app, facilitator);
        await facilitator.CloseAsync(session);
        return session;
    }

    private static bool To(MimeMessage message, string address) => message.To.Mailboxes.Any(b => b.Address == address);

    private static bool IsSummaryMail(MimeMessage message) =>
        message.Subject?.StartsWith("Summary ready:", StringComparison.Ordinal) == true || message.Subject?.StartsWith("Resumen listo:", StringComparison.Ordinal) == true;

    private static List<MimeMessage> SummaryMails(MailServer mail) => mail.Received.Where(IsSummaryMail).ToList();

    private static Task<MimeMessage> SummaryMailAsync(MailServer mail, string to) =>
        mail.MessageAsync(m => To(m, to) && IsSummaryMail(m), $"The summary mail to {to}");

    private static Uri SummaryLink(MimeMessage message) => new(SummaryLinkIn().Match(message.TextBody ?? "").Value);

    /// <summary>Waits until the background sender is done with the session, so what did not arrive will not.</summary>
    private static Task MailedAsync(WorkshopFactory app, RunningSession session) =>
        LoggedAsync(app, $"Summary mails: session {session.RunUrl.Split('/')[^1]} handed");

    private static async Task LoggedAsync(WorkshopFactory app, string text)
    {
        for (var i = 0; i < 200; i++)
        {
            if (app.Logs.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Nothing logged \"{text}\".");
    }

    private static Task<bool> OptedOutAsync(WorkshopFactory app, string email) =>
        app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.SummaryMailOptOut).SingleAsync());

    private static AngleSharp.Html.Dom.IHtmlInputElement Box(Page page) =>
        (AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("input[name='SummaryMails']")!;

    [GeneratedRegex(@"https?://\S+/summary\b")]
    private static partial Regex SummaryLinkIn();

    [GeneratedRegex(@"https?://\S+/account/summary-mails\?token=\S+")]
    private static partial Regex StopLink();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex AnyLink();
}
