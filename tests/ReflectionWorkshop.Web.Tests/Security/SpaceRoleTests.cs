using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>What a coach and a second facilitator of the same space may see and do with its sessions.</summary>
public sealed class SpaceRoleTests : IClassFixture<EveryKindWorkshop>
{
    private static readonly string[] SteeringHandlers = ["Start", "Next", "Back", "Close", "Delete", "TakeOver"];

    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;
    private readonly Visitor _colleague;

    public SpaceRoleTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
        _colleague = _app.NewVisitor();
    }

    [Fact]
    public async Task A_coach_cannot_see_a_session_still_in_the_lobby()
    {
        await JoinAsColleagueAsync("Coach");
        var lobby = await _facilitator.OpenSessionAsync("every-kind");

        var run = await _colleague.Client.GetAsync(lobby.RunUrl);
        var summary = await _colleague.Client.GetAsync(lobby.SummaryUrl);
        var state = await _colleague.Client.GetAsync(lobby.RunUrl + "?handler=State");
        var list = await _colleague.GetAsync("/facilitate/sessions");

        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
        Assert.DoesNotContain(lobby.Code, list.Text);
    }

    [Fact]
    public async Task A_coach_watches_a_running_session_read_only()
    {
        await JoinAsColleagueAsync("Coach");
        var session = await _facilitator.OpenSessionAsync("every-kind");
        await _facilitator.StartAsync(session);

        var run = await _colleague.GetAsync(session.RunUrl);
        var list = await _colleague.GetAsync("/facilitate/sessions");

        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.Contains("Step 1 of 6", run.Text);
        Assert.Contains("You are watching as a coach", run.Text);
        Assert.Empty(SteeringForms(run));
        Assert.Contains(session.Code, list.Text);
    }

    [Fact]
    public async Task A_coach_reads_a_closed_session_and_its_summary()
    {
        await JoinAsColleagueAsync("Coach");
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Read by the coach"));
        await _facilitator.CloseAsync(session);

        var run = await _colleague.GetAsync(session.RunUrl);
        var summary = await _colleague.GetAsync(session.SummaryUrl);

        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.Contains("This session is closed", run.Text);
        Assert.Empty(SteeringForms(run));
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Equal("Every kind", summary.H1);
        Assert.Contains("Read by the coach", summary.Text);
    }

    [Fact]
    public async Task A_coach_posting_steering_commands_gets_404_and_the_session_does_not_change()
    {
        await JoinAsColleagueAsync("Coach");
        var lobby = await _facilitator.OpenSessionAsync("every-kind");
        var running = await _facilitator.OpenSessionAsync("every-kind");
        await _facilitator.StartAsync(running);

        var start = await _colleague.PostWithOwnTokenAsync(lobby.RunUrl + "?handler=Start");
        var refused = new Dictionary<string, HttpStatusCode> { ["Start (lobby)"] = start.StatusCode };
        foreach (var handler in SteeringHandlers)
        {
            var response = await _colleague.PostWithOwnTokenAsync($"{running.RunUrl}?handler={handler}", ("step", "0"));
            refused[handler] = response.StatusCode;
        }

        Assert.All(refused, r => Assert.True(r.Value == HttpStatusCode.NotFound, $"{r.Key}: {r.Value}"));
        var runningNow = await _facilitator.GetAsync(running.RunUrl);
        var lobbyNow = await _facilitator.GetAsync(lobby.RunUrl);
        Assert.Equal(HttpStatusCode.OK, runningNow.Status);
        Assert.Contains("Step 1 of 6", runningNow.Text);
        Assert.NotNull(runningNow.Document.QuerySelector("form[action*='handler=Next']"));
        Assert.Null(runningNow.Document.QuerySelector("form[action*='handler=TakeOver']"));
        Assert.Contains("Waiting to start", lobbyNow.Text);
    }

    [Fact]
    public async Task A_second_facilitator_must_take_over_before_steering()
    {
        await JoinAsColleagueAsync("Facilitator");
        var session = await _facilitator.OpenSessionAsync("every-kind");
        await _facilitator.StartAsync(session);

        var watching = await _colleague.GetAsync(session.RunUrl);
        Assert.Equal("Take over this session", watching.Document.QuerySelector("form[action*='handler=TakeOver'] button")!.TextContent.Trim());
        Assert.Null(watching.Document.QuerySelector("form[action*='handler=Next']"));

        var early = await _colleague.PostWithOwnTokenAsync(session.RunUrl + "?handler=Next", ("step", "0"));
        var told = await _colleague.GetAsync(early.RedirectTarget()!);
        Assert.Contains("Another facilitator is running this session", told.Document.QuerySelector(".alert")!.TextContent);
        Assert.Contains("Step 1 of 6", (await _facilitator.GetAsync(session.RunUrl)).Text);

        var taken = await _colleague.SubmitAsync(watching, "form[action*='handler=TakeOver']");
        Assert.Contains("You are running this session now.", taken.Text);
        var moved = await _colleague.SubmitAsync(taken, "form[action*='handler=Next']");

        Assert.Contains("Step 2 of 6", moved.Text);
        var original = await _facilitator.GetAsync(session.RunUrl);
        Assert.Contains("Step 2 of 6", original.Text);
        Assert.NotNull(original.Document.QuerySelector("form[action*='handler=TakeOver']"));
        Assert.Null(original.Document.QuerySelector("form[action*='handler=Next']"));
    }

    [Fact]
    public async Task Choosing_another_space_by_forging_the_space_cookie_shows_nothing_of_it()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var spaceA = await _facilitator.CurrentSpaceIdAsync();
        var stranger = _app.NewVisitor();
        await stranger.SignUpAsync(spaceName: "Stranger team");

        stranger.SetCookie("rw-space", spaceA.ToString());
        var list = await stranger.GetAsync("/facilitate/sessions");
        var catalogue = await stranger.GetAsync("/facilitate");

        Assert.DoesNotContain(session.Code, list.Text);
        Assert.Contains("Stranger team", list.Text);
        Assert.DoesNotContain("Test team", list.Text);
        Assert.Contains("Stranger team", catalogue.Text);
    }

    private async Task JoinAsColleagueAsync(string role)
    {
        await _facilitator.SignUpAsync(name: "Fran Facilitator", spaceName: "Test team");
        await _colleague.SignUpAsync(name: role == "Coach" ? "Cora Coach" : "Felix Second", spaceName: null);
        await _facilitator.AcceptInviteAsync(_colleague, role);
    }

    private static List<string> SteeringForms(Page page) =>
        page.Document.QuerySelectorAll("form[action*='handler=']")
            .Select(f => f.GetAttribute("action")!)
            .Where(action => SteeringHandlers.Any(h => action.Contains("handler=" + h, StringComparison.Ordinal)))
            .ToList();
}
