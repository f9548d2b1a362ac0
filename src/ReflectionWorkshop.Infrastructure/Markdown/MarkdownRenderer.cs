using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReflectionWorkshop.Infrastructure.Caching;

namespace ReflectionWorkshop.Infrastructure.Markdown;

/// <summary>
/// Renders prompt bodies, notes and summaries. Raw HTML is disabled (it shows as text), and links or images whose address
/// is not http(s), mailto or relative lose their address, so no <c>javascript:</c> URL reaches a phone.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UsePipeTables()
        .Build();

    /// <summary>
    /// A prompt's body is drawn on every phone page and every answer's reply, the same few texts all session long:
    /// those drawn lately are kept (short texts only; a long summary is drawn once and not worth keeping).
    /// </summary>
    private static readonly RecentResults<string, string> Recent = new(Render, capacity: 512, text => text.Length <= 4096);

    public static string ToHtml(string markdown) => Recent.Get(markdown);

    private static string Render(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "";
            }
        }

        // Angle-bracket links (<javascript:…>, <data:text/html…>) are autolinks, not LinkInline: one with any
        // other scheme is shown as the text it is (issue 18, item 4). ToList: the tree changes as we go.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline($"<{autolink.Url}>"));
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.RelativeOrAbsolute, out var uri))
        {
            return false;
        }

        // Only web and mail addresses (and links within the page); every other scheme is refused, whatever its case.
        return !uri.IsAbsoluteUri
            ? !trimmed.Contains(':', StringComparison.Ordinal) || trimmed[0] is '/' or '#' or '?'
            : uri.Scheme.ToLowerInvariant() is "http" or "https" or "mailto";
    }
}
