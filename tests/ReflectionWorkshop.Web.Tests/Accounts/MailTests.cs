using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>Account emails through a real SMTP server (issue 22, mail; issue 18, links never from the request).</summary>
public sealed partial class MailTests
{
    private const string Form = "main form";

    [Fact]
    public async Task A_reset_mail_arrives_in_the_accounts_language_and_its_link_lets_the_person_back_in_with_the_new_password()
    {
        using var mail = new MailServer();
        var settings = mail.Settings;
        settings["PublicBaseUrl"] = "https://workshops.district.example";
        using var app = new WorkshopFactory(settings);
        var ana = app.NewVisitor();
        await ana.SignUpAsync("ana@example.org");
        await ana.SubmitAsync(await ana.GetAsync("/account"), Form, ("Language", "es"));
        var stranger = app.NewVisitor();
        var forgot = await stranger.GetAsync("/account/forgot");
        var (target, values) = Visitor.FormValues(forgot, Form, [("Input.Email", "ana@example.org")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Host = "evil.test";
        await stranger.Client.SendAsync(request);

        var message = await mail.MessageToAsync("ana@example.org");
        var link = new Uri(LinkIn().Match(message.TextBody ?? "").Value);
        var reset = await ana.GetAsync("http://localhost" + link.PathAndQuery);
        await ana.SubmitAsync(reset, Form, ("Input.Password", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase"));
        var later = app.NewVisitor();
        var signIn = await later.PostAsync(await later.GetAsync("/account/login"), Form, ("Input.Email", "ana@example.org"), ("Input.Password", "a brand new passphrase"));

        Assert.Equal("workshops@district.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("es", message.Body!.Headers["Content-Language"]);
        Assert.Contains("contraseña", message.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("workshops.district.example", link.Host);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain(app.Logs, line => line.Contains("No mail sender is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_administrator_sees_whether_mail_is_sent_and_through_what()
    {
        using var mail = new MailServer();
        using var withMail = new WorkshopFactory(mail.Settings);
        using var without = new WorkshopFactory();
        var first = withMail.NewVisitor();
        await first.SignUpAsync();
        var second = without.NewVisitor();
        await second.SignUpAsync();

        var sending = await first.GetAsync("/admin");
        var notSending = await second.GetAsync("/admin");

        Assert.Contains($"sent through 127.0.0.1, port {mail.Port}, from Reflection Workshop <workshops@district.example>", sending.Text);
        Assert.Contains("No mail server is configured, so nothing is sent", notSending.Text);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_is_logged_and_the_person_asking_sees_the_usual_answer()
    {
        int closedPort;
        using (var mail = new MailServer())
        {
            closedPort = mail.Port;
        }

        using var app = new WorkshopFactory(new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "workshops@district.example",
        });
        await app.NewVisitor().SignUpAsync("ana@example.org");
        var visitor = app.NewVisitor();

        var known = await visitor.SubmitAsync(await visitor.GetAsync("/account/forgot"), Form, ("Input.Email", "ana@example.org"));
        var unknown = await visitor.SubmitAsync(await visitor.GetAsync("/account/forgot"), Form, ("Input.Email", "nobody@example.org"));

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Document.QuerySelector("main")!.TextContent, unknown.Document.QuerySelector("main")!.TextContent);
        Assert.Contains(app.Logs, line => line.Contains("Could not send an email to ana@example.org", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> RegisterAsync(Visitor visitor, Page form, string name, string email, string password) =>
        visitor.PostAsync(form, Form, ("Input.DisplayName", name), ("Input.Email", email), ("Input.Password", password), ("Input.ConfirmPassword", password));

    [Fact]
    public async Task With_mail_registering_answers_alike_for_a_new_and_a_taken_address_and_the_mailed_link_makes_the_account()
    {
        using var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        await app.NewVisitor().SignUpAsync("ana@example.org");
        var ben = app.NewVisitor();
        var stranger = app.NewVisitor();

        var fresh = await RegisterAsync(ben, await ben.GetAsync("/account/register"), "Ben Ortiz", "ben@example.org", "ben's own passphrase");
        var taken = await RegisterAsync(stranger, await stranger.GetAsync("/account/register"), "Not Ana", "ana@example.org", "a stranger's passphrase");
        var freshPage = await ben.GetAsync(fresh.Headers.Location!.OriginalString);
        var takenPage = await stranger.GetAsync(taken.Headers.Location!.OriginalString);
        var accountsBeforeTheLink = await app.QueryAsync(db => db.Users.CountAsync());

        // Issue 18, item 10: "already exists" told anyone which addresses have accounts. Now only the mailbox is told.
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(freshPage.Text.Replace("ben@example.org", "@", StringComparison.Ordinal), takenPage.Text.Replace("ana@example.org", "@", StringComparison.Ordinal));
        Assert.Contains("We've sent a message to ben@example.org", freshPage.Text);
        Assert.Equal(1, accountsBeforeTheLink);
        var toAna = await mail.MessageToAsync("ana@example.org");
        Assert.Equal("You already have a Reflection Workshop account", toAna.Subject);
        var stillAna = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await stillAna.PostAsync(await stillAna.GetAsync("/account/login"), Form, ("Input.Email", "ana@example.org"), ("Input.Password", WorkshopSteps.Password))).StatusCode);

        var toBen = await mail.MessageToAsync("ben@example.org");
        var link = new Uri(LinkIn().Match(toBen.TextBody ?? "").Value);
        var confirm = await ben.GetAsync("http://localhost" + link.PathAndQuery);
        Assert.Contains("The account for Ben Ortiz (ben@example.org) is ready to be created.", confirm.Text);
        var created = await ben.PostAsync(confirm, "main form");
        Assert.Equal("/spaces", created.Headers.Location!.OriginalString);
        Assert.Contains("ben@example.org", (await ben.GetAsync("/account")).Text);
        var later = app.NewVisitor();
        Assert.Equal(HttpStatusCode.Redirect, (await later.PostAsync(await later.GetAsync("/account/login"), Form, ("Input.Email", "ben@example.org"), ("Input.Password", "ben's own passphrase"))).StatusCode);
        var again = await app.NewVisitor().GetAsync("http://localhost" + link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Fact]
    public async Task A_changed_registration_link_is_refused_and_creates_nothing()
    {
        using var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        await app.NewVisitor().SignUpAsync("ana@example.org");
        var ben = app.NewVisitor();
        await RegisterAsync(ben, await ben.GetAsync("/account/register"), "Ben Ortiz", "ben@example.org", "ben's own passphrase");
        var link = new Uri(LinkIn().Match((await mail.MessageToAsync("ben@example.org")).TextBody ?? "").Value);
        var token = Uri.UnescapeDataString(link.Query[(link.Query.IndexOf('=', StringComparison.Ordinal) + 1)..]);

        var changed = await ben.GetAsync("http://localhost/account/confirm?token=" + Uri.EscapeDataString(token[..^4] + "AAAA"));

        Assert.Equal(HttpStatusCode.BadRequest, changed.Status);
        Assert.Contains("This link is not valid", changed.Text);
        Assert.Null(changed.Document.QuerySelector("main form"));
        Assert.Equal(1, await app.QueryAsync(db => db.Users.CountAsync()));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkIn();
}
