using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Join;

public sealed class JoinTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    [Fact]
    public async Task A_phone_joins_an_anonymous_session_by_typing_the_code_and_waits_in_the_lobby()
    {
        var app = shared.NextTest();
        var session = await app.NewVisitor().OpenSessionAsync("two-team-compare");

        var page = await app.NewVisitor().JoinWithCodeAsync(" " + session.Code.ToLowerInvariant()[..3] + "-" + session.Code.ToLowerInvariant()[3..]);

        Assert.Equal(session.PhoneUrl, page.Url);
        Assert.Equal("You're in", page.H1);
        Assert.Contains("anonymous", page.Text);
    }

    [Fact]
    public async Task The_join_page_labels_its_field_session_code()
    {
        var app = shared.NextTest();
        var page = await app.NewVisitor().GetAsync("/join");

        Assert.Equal("Session code", page.Document.QuerySelector("label[for='code']")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("input#code[name='Code']"));
    }

    [Fact]
    public async Task A_named_session_asks_for_a_name_and_refuses_an_empty_one()
    {
        var app = shared.NextTest();
        var session = await app.NewVisitor().OpenSessionAsync("two-team-compare", "Named");
        var phone = app.NewVisitor();

        var ask = await phone.JoinWithCodeAsync(session.Code);
        Assert.Equal("/j/" + session.Code, ask.Url);
        Assert.Equal("Your name", ask.Document.QuerySelector("label[for='name']")!.TextContent.Trim());

        var refused = await phone.SubmitAsync(ask, "main form", ("DisplayName", "   "));
        Assert.Contains(refused.FieldErrors, e => e.Contains("type the name the room knows you by"));

        var joined = await phone.SubmitAsync(refused, "main form", ("DisplayName", "Ana Ruiz"));
        Assert.Equal(session.PhoneUrl, joined.Url);
        Assert.Contains("You joined as Ana Ruiz", joined.Text);
    }

    [Fact]
    public async Task The_qr_link_joins_an_anonymous_session_with_one_tap_and_asks_nothing()
    {
        var app = shared.NextTest();
        var session = await app.NewVisitor().OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();

        var confirm = await phone.GetAsync("/j/" + session.Code);
        Assert.Empty(confirm.Document.QuerySelectorAll("main form input:not([type=hidden])"));

        var joined = await phone.SubmitAsync(confirm, "main form");
        Assert.Equal(session.PhoneUrl, joined.Url);
    }

    [Fact]
    public async Task Rejoining_from_the_same_phone_resumes_instead_of_adding_a_participant()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();
        await phone.JoinWithLinkAsync(session.Code);

        var again = await phone.GetAsync("/j/" + session.Code);
        var typedAgain = await phone.JoinWithCodeAsync(session.Code);

        Assert.Equal(session.PhoneUrl, again.Url);
        Assert.Equal(session.PhoneUrl, typedAgain.Url);
        var run = await facilitator.GetAsync(session.RunUrl);
        Assert.Contains("1 joined", run.Text);
    }

    [Theory]
    [InlineData("", "Type the 6-character code")]
    [InlineData("ABC", "is not a session code")]
    [InlineData("I0OL1Z", "is not a session code")]
    [InlineData("ZZZZZZ", "No session has the code ZZZZZZ")]
    public async Task A_bad_code_gets_a_clear_message_and_stays_in_the_box(string typed, string message)
    {
        var app = shared.NextTest();
        var page = await app.NewVisitor().JoinWithCodeAsync(typed);

        Assert.Equal("/join", page.Url);
        Assert.Contains(page.FieldErrors, e => e.Contains(message));
        Assert.Equal(typed, page.Document.QuerySelector("input#code")!.GetAttribute("value") ?? "");
        Assert.Equal("true", page.Document.QuerySelector("input#code")!.GetAttribute("aria-invalid"));
    }

    [Theory]
    [InlineData("/j/ZZZZZZ", "No session has the code ZZZZZZ")]
    [InlineData("/j/not-a-code!", "is not a session code")]
    public async Task A_bad_join_link_explains_itself_and_offers_the_code_form(string url, string message)
    {
        var app = shared.NextTest();
        var page = await app.NewVisitor().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains(message, page.Text);
        Assert.NotNull(page.Document.QuerySelector("a[href='/join']"));
    }

    [Fact]
    public async Task A_closed_session_takes_no_new_participants()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        await facilitator.CloseAsync(session);

        var typed = await app.NewVisitor().JoinWithCodeAsync(session.Code);
        var linked = await app.NewVisitor().GetAsync("/j/" + session.Code);

        Assert.Contains(typed.FieldErrors, e => e.Contains("has closed"));
        Assert.Contains("has closed", linked.Text);
        Assert.Empty(linked.Document.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task A_phone_without_a_cookie_is_sent_to_join_instead_of_seeing_the_session()
    {
        var app = shared.NextTest();
        var session = await app.NewVisitor().OpenSessionAsync("two-team-compare");

        var response = await app.NewVisitor().Client.GetAsync(session.PhoneUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/j/" + session.Code, response.Headers.Location!.OriginalString);
    }
}
