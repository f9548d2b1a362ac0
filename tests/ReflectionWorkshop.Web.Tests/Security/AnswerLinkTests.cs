using Markdig;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>
/// A web address a participant typed stays text in the summary: on the page, in its print view and in the downloaded
/// Markdown, opened in any viewer that turns bare addresses into links (issue 18, "Also expected"). A facilitator's
/// note keeps its http, https and mailto links.
/// </summary>
public sealed class AnswerLinkTests : IClassFixture<EveryKindWorkshop>
{
    private const string Text = "Read http://evil.test/x first";
    private static readonly string[] Items = ["www.evil.test", "<javascript:alert(1)>", "mailto:boss@evil.test", "HTTPS://EVIL.TEST"];

    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public AnswerLinkTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    [Fact]
    public async Task An_address_in_an_answer_is_no_link_on_the_summary_page()
    {
        var session = await SessionWithAnswerAsync();

        var page = await _facilitator.GetAsync(session.SummaryUrl);

        var steps = page.Document.QuerySelector("#step-1")!.TextContent + page.Document.QuerySelector("#step-2")!.TextContent;
        Assert.All(Items.Prepend(Text), typed => Assert.Contains(typed, steps));
        Assert.Empty(page.Document.QuerySelectorAll("#step-1 a, #step-2 a"));
        Assert.DoesNotContain("evil.test", string.Join(" ", page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href"))), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_markdown_download_gives_an_autolinking_viewer_no_link_from_an_answer()
    {
        var session = await SessionWithAnswerAsync();

        var markdown = await _facilitator.Client.GetStringAsync(session.SummaryUrl + "?handler=Markdown");

        // Markdig's advanced extensions autolink bare addresses the way GitHub and most editors' previews do.
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<javascript:", markdown, StringComparison.Ordinal);
        var text = Markdown.ToPlainText(markdown);
        Assert.All(Items.Prepend(Text), typed => Assert.Contains(typed, text));
    }

    [Fact]
    public async Task A_facilitators_note_keeps_its_web_link()
    {
        var session = await SessionWithAnswerAsync();
        var summary = await _facilitator.GetAsync(session.SummaryUrl);

        var page = await _facilitator.SubmitAsync(summary, "#note-0 form", ("note", "Slides: https://example.org/slides"));

        Assert.Equal(["https://example.org/slides"], page.Document.QuerySelectorAll("#step-1 a").Select(a => a.GetAttribute("href")));
    }

    private async Task<RunningSession> SessionWithAnswerAsync()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", Text));
        await _facilitator.NextAsync(session);
        await phone.AnswerAsync(session, Items.Select((item, slot) => ($"Input.Items[{slot}]", item)).ToArray());
        await _facilitator.CloseAsync(session);
        return session;
    }
}
