using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

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

    public static string ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "";
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

        return !uri.IsAbsoluteUri
            ? !trimmed.Contains(':', StringComparison.Ordinal) || trimmed[0] is '/' or '#' or '?'
            : uri.Scheme is "http" or "https" or "mailto";
    }
}
