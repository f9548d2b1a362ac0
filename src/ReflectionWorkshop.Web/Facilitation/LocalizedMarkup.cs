using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// A translated sentence with one value in bold ("In {0}.", "Join with code {0}."): the words around it
/// come from the resource and may sit on either side in another language; the value is encoded as text.
/// </summary>
public static class LocalizedMarkup
{
    public static IHtmlContent Strong(this LocalizedString sentence, string value, string? cssClass = null)
    {
        var at = sentence.Value.IndexOf("{0}", StringComparison.Ordinal);
        var (before, after) = at >= 0 ? (sentence.Value[..at], sentence.Value[(at + 3)..]) : (sentence.Value + " ", "");
        var builder = new HtmlContentBuilder();
        builder.Append(before);
        builder.AppendHtml(cssClass is null ? "<strong>" : $"<strong class=\"{System.Net.WebUtility.HtmlEncode(cssClass)}\">");
        builder.Append(value);
        builder.AppendHtml("</strong>");
        builder.Append(after);
        return builder;
    }
}
