using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

public sealed class CatalogueTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    private const string BrokenActivity = """
        ---
        id: broken
        title: Broken
        purpose: Has a list whose minimum is above its maximum.
        ---

        ## list: Name some things
        min: 5
        max: 2
        """;

    [Fact]
    public async Task The_catalogue_lists_every_shipped_activity_with_its_steps()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var page = await facilitator.GetAsync("/facilitate");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Activities", page.H1);
        var titles = page.Document.QuerySelectorAll("article.activity h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(8, titles.Count);
        Assert.Contains("Two-team compare", titles);
        Assert.All(page.Document.QuerySelectorAll("article.activity"), a => Assert.NotEmpty(a.QuerySelectorAll("ol.steps li")));
    }

    [Fact]
    public async Task A_malformed_activity_file_is_named_with_its_line_and_left_out()
    {
        using var app = new WorkshopFactory(("broken.md", BrokenActivity));
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var page = await facilitator.GetAsync("/facilitate");

        var refused = page.Document.QuerySelector("#refused-heading")!.ParentElement!.TextContent;
        Assert.Contains("broken.md", refused);
        Assert.Contains("Line 8", refused);
        Assert.Contains("'min' (5) is more than 'max' (2)", refused);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("article.activity h2"), h => h.TextContent.Trim() == "Broken");
        Assert.Equal(8, page.Document.QuerySelectorAll("article.activity").Length);
    }

    [Fact]
    public async Task Starting_a_session_shows_the_join_code_link_and_qr_code()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var run = await facilitator.GetAsync(session.RunUrl);

        Assert.Equal("Two-team compare", run.H1);
        Assert.Matches("^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$", session.Code);
        Assert.Equal("Join code", run.Document.QuerySelector("#join-heading")!.TextContent.Trim());
        Assert.NotNull(run.Document.QuerySelector($"a[href$='/j/{session.Code}']"));
        Assert.NotNull(run.Document.QuerySelector("svg.qr path"));
        Assert.Contains("0 joined", run.Text);
    }

    [Fact]
    public async Task Starting_an_activity_that_is_not_in_the_catalogue_says_so()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var start = await facilitator.GetAsync("/facilitate/start?activityId=two-team-compare");

        var page = await facilitator.SubmitAsync(start, "form.start", ("activityId", "no-such-activity"));

        Assert.Equal("/facilitate/start", page.Url.Split('?')[0]);
        Assert.Contains(page.FieldErrors, e => e.Contains("no longer in the catalogue"));
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_database_healthy()
    {
        var app = shared.NextTest();
        var response = await app.NewVisitor().Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
