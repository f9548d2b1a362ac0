using ReflectionWorkshop.Infrastructure.Markdown;

namespace ReflectionWorkshop.Web.Tests.Infrastructure;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JavaScript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JAVASCRIPT:alert(1))")]
    [InlineData("[click](data:text/html,hi)")]
    public void A_link_that_is_not_web_or_mail_never_renders_as_a_live_link(string markdown)
    {
        var html = MarkdownRenderer.ToHtml("Read this: " + markdown);

        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Read this:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_and_mail_links_stay_live_and_a_refused_autolink_shows_as_its_text()
    {
        var html = MarkdownRenderer.ToHtml("<https://example.org/a> <mailto:a@example.org> [docs](https://example.org/docs) <javascript:x()>");

        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:a@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/docs\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;javascript:x()&gt;", html, StringComparison.Ordinal);
    }
}
