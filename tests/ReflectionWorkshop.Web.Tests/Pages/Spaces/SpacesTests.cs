using System.Net;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Spaces;

public sealed class SpacesTests : IClassFixture<SharedWorkshop>
{
    private readonly WorkshopFactory _app;

    public SpacesTests(SharedWorkshop app) => _app = app.NextTest();

    [Fact]
    public async Task A_new_account_without_a_space_is_sent_to_make_one()
    {
        var visitor = _app.NewVisitor();
        await visitor.SignUpAsync(spaceName: null);

        var page = await visitor.GetAsync("/facilitate");

        Assert.Equal("/spaces", page.Url);
        Assert.Contains("You are not in a space yet", page.Text);
    }

    [Fact]
    public async Task Creating_a_space_without_a_name_shows_the_problem_at_the_name_field()
    {
        var visitor = _app.NewVisitor();
        await visitor.SignUpAsync(spaceName: null);
        var spaces = await visitor.GetAsync("/spaces");

        var refused = await visitor.SubmitAsync(spaces, "form[action*='handler=Create']", ("Name", "   "));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var field = refused.Document.QuerySelector("input#name")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("name-error", field.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Give the space a name, such as your school or team.", refused.Document.QuerySelector("#name-error.field-error")!.TextContent.Trim());
        Assert.Contains("You are not in a space yet", refused.Text);
    }

    [Fact]
    public async Task Creating_a_space_makes_its_creator_a_facilitator_working_in_it()
    {
        var visitor = _app.NewVisitor();
        await visitor.SignUpAsync(name: "Fran Facilitator", spaceName: null);
        var spaces = await visitor.GetAsync("/spaces");

        var details = await visitor.SubmitAsync(spaces, "form[action*='handler=Create']", ("Name", "  Lincoln Elementary leadership team "));
        var list = await visitor.GetAsync("/spaces");

        Assert.StartsWith("/spaces/", details.Url);
        Assert.Equal("Lincoln Elementary leadership team", details.H1);
        Assert.Contains("Fran Facilitator", details.Document.QuerySelector("table")!.TextContent);
        var row = list.Document.QuerySelector("tbody tr")!.Children.Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Lincoln Elementary leadership team", "Facilitator", "1", "Working here"], row);
    }

    [Fact]
    public async Task Switching_spaces_changes_which_sessions_the_list_shows()
    {
        var facilitator = _app.NewVisitor();
        await facilitator.SignUpAsync(spaceName: "North team");
        var north = await facilitator.OpenSessionAsync("two-team-compare");
        var spaces = await facilitator.GetAsync("/spaces");
        await facilitator.SubmitAsync(spaces, "form[action*='handler=Create']", ("Name", "South team"));
        var south = await facilitator.OpenSessionAsync("three-actions");

        var inSouth = await facilitator.GetAsync("/facilitate/sessions");
        var switched = await facilitator.SubmitAsync(await facilitator.GetAsync("/spaces"), "form[action*='handler=Switch']");
        var inNorth = await facilitator.GetAsync("/facilitate/sessions");

        Assert.Contains("In South team.", inSouth.Text);
        Assert.Equal([south.Code], Codes(inSouth));
        Assert.Equal("/facilitate", switched.Url);
        Assert.Contains("North team", switched.Document.QuerySelector(".lead")!.TextContent);
        Assert.Contains("In North team.", inNorth.Text);
        Assert.Equal([north.Code], Codes(inNorth));
    }

    [Fact]
    public async Task A_stranger_with_a_space_of_their_own_sees_none_of_another_spaces_sessions()
    {
        var facilitator = _app.NewVisitor();
        await facilitator.SignUpAsync(spaceName: "Private team");
        var lobby = await facilitator.OpenSessionAsync("two-team-compare");
        var running = await facilitator.OpenSessionAsync("three-actions");
        await facilitator.StartAsync(running);
        var spaceId = await facilitator.CurrentSpaceIdAsync();
        var stranger = _app.NewVisitor();
        await stranger.SignUpAsync(spaceName: "Stranger team");

        var list = await stranger.GetAsync("/facilitate/sessions");
        var spaces = await stranger.GetAsync("/spaces");

        Assert.Empty(Codes(list));
        Assert.Contains("No sessions yet.", list.Text);
        Assert.DoesNotContain("Private team", spaces.Text);
        foreach (var url in new[]
        {
            lobby.RunUrl, lobby.SummaryUrl, running.RunUrl, running.SummaryUrl, running.RunUrl + "?handler=State",
            $"/spaces/{spaceId}", $"/facilitate/sessions/{Guid.NewGuid()}",
        })
        {
            var response = await stranger.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain(running.Code, body);
            Assert.DoesNotContain("Private team", body);
        }
    }

    private static List<string> Codes(Page sessions) =>
        sessions.Document.QuerySelectorAll("table.sessions tbody td.mono").Select(td => td.TextContent.Trim()).ToList();
}
