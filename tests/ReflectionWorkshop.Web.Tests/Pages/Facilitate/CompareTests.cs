using System.Net;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>A coach lists a space's sessions by activity and date and compares runs of one activity.</summary>
public sealed class CompareTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public CompareTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    /// <summary>A closed run of every-kind where each phone rates the two items.</summary>
    private async Task<RunningSession> RunAsync(params (int Benevolence, int Reliability)[] ratings)
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phones = ratings.Select(_ => _app.NewVisitor()).ToArray();
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await _facilitator.StartAsync(session);
        for (var i = 0; i < 3; i++)
        {
            await _facilitator.NextAsync(session);
        }

        for (var i = 0; i < phones.Length; i++)
        {
            await phones[i].AnswerAsync(session, ("Input.Ratings[0]", ratings[i].Benevolence.ToString()), ("Input.Ratings[1]", ratings[i].Reliability.ToString()));
        }

        await _facilitator.CloseAsync(session);
        return session;
    }

    [Fact]
    public async Task Two_runs_show_each_rating_side_by_side_with_the_change()
    {
        var fall = await RunAsync((1, 2), (2, 2));
        var spring = await RunAsync((3, 3), (3, 2));
        var list = await _facilitator.GetAsync("/facilitate/sessions");

        // The list's form is a GET to the compare page with one "ids" per ticked box.
        Assert.Equal("/facilitate/sessions/compare", list.Document.QuerySelector("#compare-form")!.GetAttribute("action"));
        Assert.Equal(2, list.Document.QuerySelectorAll("input[name=ids][form=compare-form]").Length);
        var compared = await _facilitator.GetAsync($"/facilitate/sessions/compare?ids={fall.SessionId()}&ids={spring.SessionId()}");

        Assert.Equal("Compare: Every kind", compared.H1);
        var rows = compared.Document.QuerySelectorAll("table.compare-runs tbody tr").Select(tr => string.Join("|", tr.Children.Skip(1).Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["1.5 (2)|3.0 (2)|+1.5", "2.0 (2)|2.5 (2)|+0.5"], rows);

        var csv = await _facilitator.Client.GetStringAsync(compared.Document.QuerySelector("a[href*='handler=Csv']")!.GetAttribute("href")!.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.True(csv.Contains("4,How much trust is there?,Benevolence,1.5,3.0,1.5", StringComparison.Ordinal), csv);
    }

    [Fact]
    public async Task The_list_filters_by_activity_and_date()
    {
        await RunAsync((1, 1));
        await _facilitator.OpenSessionAsync("two-team-compare");

        var everyKind = await _facilitator.GetAsync("/facilitate/sessions?activity=every-kind");
        var future = await _facilitator.GetAsync("/facilitate/sessions?from=2099-01-01");

        Assert.Equal(["Every kind"], everyKind.Document.QuerySelectorAll("table.sessions tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        Assert.Contains("No session matches these filters.", future.Text);
    }

    [Fact]
    public async Task Runs_of_different_activities_or_fewer_than_two_are_refused_with_a_reason()
    {
        var run = await RunAsync((1, 1));
        var other = await _facilitator.OpenSessionAsync("two-team-compare");

        var different = await _facilitator.GetAsync($"/facilitate/sessions/compare?ids={run.SessionId()}&ids={other.SessionId()}");
        var single = await _facilitator.GetAsync($"/facilitate/sessions/compare?ids={run.SessionId()}");

        Assert.Contains("These sessions ran different activities; compare runs of one activity.", different.Text);
        Assert.Contains("Tick at least two sessions in the list to compare them.", single.Text);
    }

    [Fact]
    public async Task A_session_of_another_space_is_not_found()
    {
        var run = await RunAsync((1, 1));
        var outsider = _app.NewVisitor();
        await outsider.SignUpAsync(email: "outsider@example.org", spaceName: "Elsewhere");
        var theirs = await outsider.OpenSessionAsync("every-kind");

        var response = await outsider.Client.GetAsync($"/facilitate/sessions/compare?ids={run.SessionId()}&ids={theirs.SessionId()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
