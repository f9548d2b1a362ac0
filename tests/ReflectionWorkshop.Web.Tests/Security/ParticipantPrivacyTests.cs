using System.Net;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>The promises of docs/privacy.md about participants: what is stored, who sees it, and how it goes.</summary>
public sealed class ParticipantPrivacyTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public ParticipantPrivacyTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    [Fact]
    public async Task Deleting_a_session_removes_it_with_every_participant_and_answer()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind", "Named");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code, "Rosa");
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Gone with the session"));
        var run = await _facilitator.GetAsync(session.RunUrl);
        Assert.Equal("Delete the session…", run.Document.QuerySelector("details#delete-session > summary")!.TextContent.Trim());

        var deleted = await _facilitator.SubmitAsync(run, "details#delete-session form[action*='handler=Delete']");

        Assert.Equal("/facilitate/sessions", deleted.Url, ignoreCase: true);
        Assert.Contains($"({session.Code}) and all its answers were deleted", deleted.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await _facilitator.Client.GetAsync(session.RunUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _facilitator.Client.GetAsync(session.SummaryUrl)).StatusCode);
        var onPhone = await phone.GetAsync(session.PhoneUrl);
        Assert.Equal("/j/" + session.Code, onPhone.Url);
        Assert.Contains($"No session has the code {session.Code}", onPhone.Text);
        var id = session.SessionId();
        var left = await _app.QueryAsync(async db => (
            Sessions: await db.Sessions.CountAsync(s => s.Id == id),
            Participants: await db.Participants.CountAsync(p => p.SessionId == id),
            Responses: await db.Responses.CountAsync(r => r.SessionId == id)));
        Assert.Equal((0, 0, 0), left);
    }

    [Fact]
    public async Task A_participant_can_withdraw_their_answers_while_the_session_runs()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        var saved = await phone.AnswerAsync(session, ("Input.Text", "Second thoughts"));
        Assert.Contains("Answers: 1 of 1", (await _facilitator.GetAsync(session.RunUrl)).Text);
        Assert.Equal("Withdraw my answers…", saved.Document.QuerySelector("details.withdraw > summary")!.TextContent.Trim());

        var withdrawn = await phone.SubmitAsync(saved, "details.withdraw form[action*='handler=Withdraw']");

        Assert.Equal(session.PhoneUrl, withdrawn.Url);
        Assert.Contains("Your answer was withdrawn.", withdrawn.Text);
        var run = await _facilitator.GetAsync(session.RunUrl);
        Assert.Contains("Answers: 0 of 1", run.Text);
        Assert.DoesNotContain("Second thoughts", run.Text);
        Assert.DoesNotContain("Second thoughts", (await _facilitator.GetAsync(session.SummaryUrl)).Text);
    }

    [Fact]
    public async Task An_anonymous_session_stores_no_name_even_when_a_phone_sends_one()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind", "Anonymous");
        var typed = _app.NewVisitor();
        await typed.JoinWithCodeAsync(session.Code);
        var linked = _app.NewVisitor();
        var confirm = await linked.GetAsync("/j/" + session.Code);
        await linked.SubmitAsync(confirm, "main form", ("DisplayName", "Sneaky Name"));
        await _facilitator.StartAsync(session);
        await typed.AnswerAsync(session, ("Input.Text", "First"));
        await linked.AnswerAsync(session, ("Input.Text", "Second"));

        var id = session.SessionId();
        var names = await _app.QueryAsync(db => db.Participants.Where(p => p.SessionId == id).Select(p => p.DisplayName).ToListAsync());

        Assert.Equal(2, names.Count);
        Assert.All(names, Assert.Null);
        Assert.DoesNotContain("Sneaky Name", (await _facilitator.GetAsync(session.RunUrl)).Text);
    }

    [Fact]
    public async Task A_cookie_copied_into_another_sessions_name_does_not_open_that_session()
    {
        var victimsSession = await _facilitator.OpenSessionAsync("every-kind");
        var attackersSession = await _facilitator.OpenSessionAsync("every-kind");
        var victim = _app.NewVisitor();
        var attacker = _app.NewVisitor();
        await victim.JoinWithCodeAsync(victimsSession.Code);
        await attacker.JoinWithCodeAsync(attackersSession.Code);
        await _facilitator.StartAsync(victimsSession);
        await _facilitator.StartAsync(attackersSession);
        await victim.AnswerAsync(victimsSession, ("Input.Text", "Only mine to read"));

        var stolen = victim.CookieValue(ParticipantCookie.Name(victimsSession.Code))!;
        attacker.SetCookie(ParticipantCookie.Name(attackersSession.Code), stolen);
        var response = await attacker.Client.GetAsync(attackersSession.PhoneUrl);
        var page = await attacker.GetAsync(attackersSession.PhoneUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/j/" + attackersSession.Code, response.RedirectTarget());
        Assert.DoesNotContain("Only mine to read", page.Text);
        Assert.DoesNotContain("Only mine to read", (await attacker.GetAsync(victimsSession.PhoneUrl)).Text);
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("garbage")]
    public async Task A_tampered_participant_cookie_counts_as_not_joined(string tampering)
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        var name = ParticipantCookie.Name(session.Code);
        var value = phone.CookieValue(name)!;
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync(session.PhoneUrl)).StatusCode);

        phone.SetCookie(name, tampering == "flip" ? Flip(value, value.Length / 2) : "not-a-participant-cookie");
        var response = await phone.Client.GetAsync(session.PhoneUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/j/" + session.Code, response.RedirectTarget());
    }

    [Fact]
    public async Task A_phone_never_shows_another_phones_answer()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind", "Named");
        var rosa = _app.NewVisitor();
        var sam = _app.NewVisitor();
        await rosa.JoinWithCodeAsync(session.Code, "Rosa");
        await sam.JoinWithCodeAsync(session.Code, "Sam");
        await _facilitator.StartAsync(session);

        var rosaSaved = await rosa.AnswerAsync(session, ("Input.Text", "Rosa wrote this"));
        var samSaved = await sam.AnswerAsync(session, ("Input.Text", "Sam wrote that"));
        var rosaEditing = await rosa.GetAsync(session.PhoneUrl + "?edit=true");
        await _facilitator.CloseAsync(session);
        var rosaThanks = await rosa.GetAsync(session.PhoneUrl);
        var samThanks = await sam.GetAsync(session.PhoneUrl);

        Assert.Contains("Rosa wrote this", rosaSaved.Text);
        Assert.Contains("Sam wrote that", samSaved.Text);
        Assert.Equal("Thank you", rosaThanks.H1);
        Assert.Contains("Rosa wrote this", rosaThanks.Text);
        Assert.Contains("Sam wrote that", samThanks.Text);
        foreach (var rosasPage in new[] { rosaSaved, rosaEditing, rosaThanks })
        {
            Assert.DoesNotContain("Sam wrote that", rosasPage.Document.DocumentElement.OuterHtml);
            Assert.DoesNotContain("Sam", rosasPage.Text);
        }

        Assert.DoesNotContain("Rosa", samSaved.Document.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Rosa", samThanks.Document.DocumentElement.OuterHtml);
    }

    private static string Flip(string value, int index) =>
        string.Concat(value.AsSpan(0, index), value[index] == 'A' ? "B" : "A", value.AsSpan(index + 1));
}
