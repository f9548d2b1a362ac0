using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>
/// Anonymity and pace are chosen once, on the page that starts a session, with the usual choice made (issue 19):
/// the catalogue's cards only link there.
/// </summary>
public sealed class StartTests : IDisposable
{
    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();
    private readonly Visitor _facilitator;

    public StartTests() => _facilitator = _app.NewVisitor();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_catalogue_cards_link_to_the_start_page_and_ask_nothing_themselves()
    {
        await _facilitator.SignUpAsync();
        var catalogue = await _facilitator.GetAsync("/facilitate");

        Assert.Empty(catalogue.Document.QuerySelectorAll("article.activity input[type=radio], article.activity form.start"));
        var link = catalogue.Document.QuerySelector("article.activity a.start[href='/facilitate/start?activityId=every-kind']");
        Assert.NotNull(link);
        Assert.Equal("Start a session Every kind", link.TextContent.Trim());
    }

    [Fact]
    public async Task The_start_page_offers_anonymous_and_facilitated_already_chosen_and_opens_such_a_session()
    {
        await _facilitator.SignUpAsync();
        var start = await _facilitator.GetAsync("/facilitate/start?activityId=every-kind");

        Assert.Equal("Start “Every kind”", start.H1);
        Assert.Equal("Anonymous", start.Document.QuerySelector("input[name=anonymity]:checked")?.GetAttribute("value"));
        Assert.Equal("Facilitated", start.Document.QuerySelector("input[name=pacing]:checked")?.GetAttribute("value"));
        Assert.All(start.Document.QuerySelectorAll("form.start input[type=radio]"), r => Assert.Equal("LABEL", r.ParentElement!.TagName));

        var run = await _facilitator.SubmitAsync(start, "form.start");

        Assert.Matches("^/facilitate/sessions/[0-9a-f-]{36}$", run.Url);
        var session = await _app.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        Assert.Equal(("every-kind", Anonymity.Anonymous, false), (session.Activity.Id, session.Anonymity, session.IsSelfPaced));
    }

    [Fact]
    public async Task A_named_self_paced_session_is_started_from_the_same_form()
    {
        await _facilitator.SignUpAsync();
        var start = await _facilitator.GetAsync("/facilitate/start?activityId=every-kind");

        await _facilitator.SubmitAsync(start, "form.start", ("anonymity", "Named"), ("pacing", "SelfPaced"));

        var session = await _app.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());
        Assert.Equal((Anonymity.Named, true), (session.Anonymity, session.IsSelfPaced));
    }

    [Fact]
    public async Task An_activity_that_is_not_in_the_catalogue_gets_a_message_and_no_form()
    {
        await _facilitator.SignUpAsync();
        var page = await _facilitator.GetAsync("/facilitate/start?activityId=no-such-activity");

        Assert.Contains(page.FieldErrors, e => e.Contains("no longer in the catalogue"));
        Assert.Equal("/facilitate", page.Document.QuerySelector(".breadcrumb a")?.GetAttribute("href"));
        Assert.Equal(0, await _app.QueryAsync(db => db.Sessions.CountAsync()));
    }
}
