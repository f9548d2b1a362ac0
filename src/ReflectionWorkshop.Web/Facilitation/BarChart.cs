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

    private static string Shorten(string label) => label.Length <= 28 ? label : label[..27] + "…";
}
