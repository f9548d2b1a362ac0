using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>A participant keeps their own answers after the session, from a private link, without an account.</summary>
public sealed class TakeawayTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;

    public TakeawayTests(EveryKindWorkshop app) => _app = app.NextTest();

    [Fact]
    public async Task After_the_session_a_phone_opens_its_own_answers_and_downloads_them_as_text()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var mine = _app.NewVisitor();
        var theirs = _app.NewVisitor();
        await mine.JoinWithCodeAsync(session.Code);
        await theirs.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        await mine.AnswerAsync(session, ("Input.Text", "Listen first"));
        await theirs.AnswerAsync(session, ("Input.Text", "Someone else's idea"));
        await facilitator.NextAsync(session);
        await mine.AnswerAsync(session, ("Input.Items[0]", "Weekly 1:1s"), ("Input.Items[1]", "Share the budget"));
        await facilitator.CloseAsync(session);

        var thanks = await mine.GetAsync(session.PhoneUrl);
        var link = thanks.Document.QuerySelector("a[href^='/mine/']")!.GetAttribute("href")!;
        var page = await _app.NewVisitor().GetAsync(link);
        var text = await _app.NewVisitor().Client.GetStringAsync(link + "?handler=Text");

        Assert.Equal("Your answers to keep", page.H1);
        Assert.Contains("Listen first", page.Text);
        Assert.Contains("Weekly 1:1s", page.Text);
        Assert.DoesNotContain("Someone else's idea", page.Text);
        Assert.Contains("1. What did you learn?\nListen first\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("- Share the budget", text);
        Assert.DoesNotContain("Someone else's idea", text);
    }

    [Theory]
    [InlineData("/mine/not-a-token")]
    [InlineData("/mine/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_made_up_address_finds_nothing(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.NewVisitor().Client.GetAsync(url)).StatusCode);
    }
}
