using System.Net;
using System.Text.Json;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>The small endpoints the pages poll to follow the room until live updates arrive.</summary>
public sealed class StatePollTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    [Fact]
    public async Task The_phone_state_follows_the_facilitator()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);

        var lobby = await ReadAsync(phone, session.PhoneUrl + "?handler=State");
        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);
        var running = await ReadAsync(phone, session.PhoneUrl + "?handler=State");

        Assert.Equal(("Lobby", 0), (lobby.GetProperty("state").GetString(), lobby.GetProperty("step").GetInt32()));
        Assert.Equal(("Running", 1), (running.GetProperty("state").GetString(), running.GetProperty("step").GetInt32()));
    }

    /// <summary>The page's signature and what its poll answers, read the way site.js reads them.</summary>
    private static async Task<(string Page, string Poll)> SignaturesAsync(Visitor facilitator, string url)
    {
        var page = await facilitator.GetAsync(url);
        var live = page.Document.QuerySelector("[data-live=watch]")!;
        var poll = await ReadAsync(facilitator, "http://localhost" + live.GetAttribute("data-poll")!.Replace("&amp;", "&", StringComparison.Ordinal));
        return (live.GetAttribute("data-signature")!, poll.GetProperty("signature").GetString()!);
    }

    [Fact]
    public async Task The_facilitator_pages_and_their_polls_agree_until_something_changes()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        var quiet = await SignaturesAsync(facilitator, session.RunUrl);
        var board = await SignaturesAsync(facilitator, session.RunUrl + "/themes/1");

        await phone.AnswerAsync(session, ("Input.Left", "Yes"), ("Input.Right", "No"));
        var afterAnswer = await ReadAsync(facilitator, session.RunUrl + "?handler=State&view=0");
        var boardAfter = await ReadAsync(facilitator, session.RunUrl + "/themes/1?handler=State");
        await facilitator.CloseAsync(session);
        var closed = await SignaturesAsync(facilitator, session.RunUrl);

        Assert.Equal(quiet.Page, quiet.Poll);
        Assert.Equal(board.Page, board.Poll);
        Assert.NotEqual(quiet.Page, afterAnswer.GetProperty("signature").GetString());
        Assert.NotEqual(board.Page, boardAfter.GetProperty("signature").GetString());
        Assert.Equal(closed.Page, closed.Poll);
    }

    [Fact]
    public async Task A_self_paced_sessions_control_page_and_its_poll_agree_on_the_step_it_shows()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare", pacing: "SelfPaced");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Left", "Yes"), ("Input.Right", "No"));

        // Issue 20: the page counted the step it showed, its poll every step, so the page reloaded every five seconds.
        var first = await SignaturesAsync(facilitator, session.RunUrl);
        var second = await SignaturesAsync(facilitator, session.RunUrl + "?view=1");

        Assert.Equal(first.Page, first.Poll);
        Assert.Equal(second.Page, second.Poll);
        Assert.NotEqual(first.Page, second.Page);
    }

    [Fact]
    public async Task An_unknown_code_has_no_state()
    {
        var app = shared.NextTest();
        var response = await app.NewVisitor().Client.GetAsync("/s/ZZZZZZ?handler=State");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(Visitor visitor, string url)
    {
        var response = await visitor.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
