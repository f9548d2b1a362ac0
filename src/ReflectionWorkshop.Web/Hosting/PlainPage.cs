using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// A self-contained page for answers given outside Razor Pages (a refused form, too many tries): the layout may
/// need the very services or state that just failed. In the request's language, with the site's stylesheet.
/// </summary>
public static class PlainPage
{
    public static string Html(HttpContext context, string heading, params string[] paragraphs)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        var encode = HtmlEncoder.Default;
        var body = string.Concat(paragraphs.Select(p => $"<p>{encode.Encode(p)}</p>"));
        return $"""
            <!DOCTYPE html>
            <html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{encode.Encode(heading)} · {encode.Encode(text["App.Name"])}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body class="narrow">
            <main id="main">
            <h1>{encode.Encode(heading)}</h1>
            {body}
            <p><a class="button" href="/">{encode.Encode(text["Error.Back"])}</a></p>
            </main>
            </body>
            </html>
            """;
    }
}
