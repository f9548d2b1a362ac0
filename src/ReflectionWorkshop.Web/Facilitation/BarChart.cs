using System.Globalization;
using System.Net;
using System.Text;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: readable without script, on a projector
/// and in print, and styled by the stylesheet (no inline styles, per our content security policy).
/// </summary>
public static class BarChart
{
    private const int RowHeight = 34;
    private const int LabelWidth = 220;
    private const int BarWidth = 330;

    public static string Svg(IReadOnlyList<(string Label, int Count)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        var height = Math.Max(RowHeight, bars.Count * RowHeight);
        var summary = WebUtility.HtmlEncode(string.Join("; ", bars.Select(b => $"{b.Label}: {b.Count}")));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bars\" viewBox=\"0 0 600 {height}\" role=\"img\" aria-label=\"{summary}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count) = bars[i];
            var y = i * RowHeight;
            var width = (double)BarWidth * count / max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 22}\" class=\"bar-label\">{WebUtility.HtmlEncode(Shorten(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 6}\" width=\"{width:0.#}\" height=\"22\" rx=\"3\" class=\"bar\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6:0.#}\" y=\"{y + 22}\" class=\"bar-count\">{count}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The same chart for the projector: one row of HTML per bar, so the stylesheet sizes its type to the screen (an
    /// SVG's text shrinks with its width). Each bar is a one-rectangle SVG whose width is the count's share of the largest.
    /// </summary>
    public static string Rows(IEnumerable<(string Label, int Count)> bars)
    {
        var list = bars.ToList();
        var max = Math.Max(1, list.Count == 0 ? 1 : list.Max(b => b.Count));
        var html = new StringBuilder("<ol class=\"bar-rows\">");
        foreach (var (label, count) in list)
        {
            // The spaces keep label and count apart for a screen reader; a grid lays out no space between its items.
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"bar-label\">{WebUtility.HtmlEncode(label)}</span> ");
            html.Append(CultureInfo.InvariantCulture, $"<svg class=\"bar-track\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"bar\" width=\"{100.0 * count / max:0.#}\" height=\"10\"/></svg> ");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"bar-count\">{count}</span></li>");
        }

        return html.Append("</ol>").ToString();
    }

    private static string Shorten(string label) => label.Length <= 28 ? label : label[..27] + "…";
}
