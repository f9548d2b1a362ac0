using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

public sealed class RoomControlsTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public RoomControlsTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    private async Task<Page> PressAsync(RunningSession session, string handler, params (string Name, string Value)[] fields)
    {
        var run = await _facilitator.GetAsync(session.RunUrl);
        return await _facilitator.SubmitAsync(run, $"form[action*='handler={handler}']", fields);
    }

    [Fact]
    public async Task A_timer_shows_on_the_phone_and_the_projector_until_it_is_stopped()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);

        await PressAsync(session, "Timer", ("minutes", "5"));
        var onPhone = await phone.GetAsync(session.PhoneUrl);
        var onProjector = await _facilitator.GetAsync(session.RunUrl + "/present");
        var ends = DateTimeOffset.Parse(onPhone.Document.QuerySelector("[data-timer]")!.GetAttribute("data-timer")!, System.Globalization.CultureInfo.InvariantCulture);
        await PressAsync(session, "StopTimer");
        var afterStop = await phone.GetAsync(session.PhoneUrl);

        Assert.InRange(ends - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.NotNull(onProjector.Document.QuerySelector("[data-timer]"));
        Assert.Null(afterStop.Document.QuerySelector("[data-timer]"));
    }

    [Fact]
    public async Task Locked_answers_are_refused_with_the_text_given_back_and_unlocking_reopens_the_step()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        var form = await phone.GetAsync(session.PhoneUrl);

        await PressAsync(session, "Lock");
        var refused = await phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", "Just too late"));
        await PressAsync(session, "Unlock");
        var saved = await phone.AnswerAsync(session, ("Input.Text", "In time now"));

        Assert.Contains("locked answers", refused.Document.QuerySelector(".alert")!.TextContent);
        Assert.Equal("Just too late", refused.Document.QuerySelector("#not-saved")!.TextContent);
        Assert.Null(refused.Document.QuerySelector("form[data-answer-form]"));
        Assert.Equal("In time now", saved.Document.QuerySelector(".answer-text")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_projector_shows_answers_only_when_revealed_and_never_names()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind", "Named");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code, "Rosa Secret");
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Trust grows slowly"));

        var hidden = await _facilitator.GetAsync(session.RunUrl + "/present");
        await PressAsync(session, "Reveal");
        var shown = await _facilitator.GetAsync(session.RunUrl + "/present");

        Assert.Contains("1 of 1 answered", hidden.Text);
        Assert.DoesNotContain("Trust grows slowly", hidden.Text);
        Assert.Equal(["Trust grows slowly"], shown.Document.QuerySelectorAll(".wall li").Select(li => li.TextContent.Trim()));
        Assert.DoesNotContain("Rosa Secret", shown.Text);
        Assert.Null(shown.Document.QuerySelector(".top nav"));
    }

    [Fact]
    public async Task The_projector_draws_rating_totals_as_bars()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        for (var i = 0; i < 3; i++)
        {
            await _facilitator.NextAsync(session);
        }

        await phone.AnswerAsync(session, ("Input.Ratings[0]", "3"), ("Input.Ratings[1]", "1"));
        await PressAsync(session, "Reveal");
        var shown = await _facilitator.GetAsync(session.RunUrl + "/present");

        // One chart per item: a row per scale point, its label then its count (the bar is drawn, not read).
        var charts = shown.Document.QuerySelectorAll(".rating-grid .bar-rows")
            .Select(chart => string.Join("; ", chart.QuerySelectorAll("li").Select(row => $"{row.QuerySelector(".bar-label")!.TextContent}: {row.QuerySelector(".bar-count")!.TextContent}")))
            .ToList();
        Assert.All(shown.Document.QuerySelectorAll(".bar-rows li"), row => Assert.Matches(@"^\S.* \d+$", row.TextContent));
        Assert.Equal(["Low: 0; Medium: 0; High: 1", "Low: 1; Medium: 0; High: 0"], charts);
    }

    [Fact]
    public async Task The_projector_lobby_shows_the_code_and_qr_code_large()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");

        var lobby = await _facilitator.GetAsync(session.RunUrl + "/present");

        Assert.Equal(session.Code, lobby.Document.QuerySelector(".projector-code")!.TextContent.Trim());
        Assert.NotNull(lobby.Document.QuerySelector(".projector-join svg.qr"));
    }

    [Fact]
    public async Task A_removed_participant_loses_their_answers_and_their_phone_is_told()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        var other = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await other.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Something unkind"));
        await other.AnswerAsync(session, ("Input.Text", "Something kind"));
        var run = await _facilitator.GetAsync(session.RunUrl);
        var card = run.Document.QuerySelectorAll(".answers .answer").Single(a => a.TextContent.Contains("Something unkind"));
        var participantId = card.QuerySelector("input[name=participantId]")!.GetAttribute("value")!;

        var after = await PressAsync(session, "Remove", ("participantId", participantId));
        var removedPhone = await phone.GetAsync(session.PhoneUrl);
        var rejoin = await phone.GetAsync("/j/" + session.Code);

        Assert.Equal(["Something kind"], after.Document.QuerySelectorAll(".answers .answer-text").Select(a => a.TextContent.Trim()));
        Assert.Contains("Answers: 1 of 1", after.Text);
        Assert.Equal("You were removed from this session", removedPhone.H1);
        Assert.Null(removedPhone.Document.QuerySelector("form[data-answer-form]"));
        Assert.Equal(session.PhoneUrl, rejoin.Url);
    }

    [Fact]
    public async Task A_coach_cannot_use_the_room_controls()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var coach = _app.NewVisitor();
        await coach.SignUpAsync(spaceName: null);
        await _facilitator.AcceptInviteAsync(coach, "Coach");
        await _facilitator.StartAsync(session);

        var coachView = await coach.GetAsync(session.RunUrl);
        var token = coachView.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await coach.Client.PostAsync(
            session.RunUrl + "?handler=Timer",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("minutes", "5")]));
        var facilitatorView = await _facilitator.GetAsync(session.RunUrl);

        Assert.Null(coachView.Document.QuerySelector("form[action*='handler=Timer']"));
        Assert.Null(coachView.Document.QuerySelector("form[action*='handler=Lock']"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(facilitatorView.Document.QuerySelector("[data-timer]"));
    }
}
