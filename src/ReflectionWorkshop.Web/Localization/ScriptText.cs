using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Localization;

/// <summary>
/// The few sentences site.js writes itself (save status, counters, timers), handed over in the page's
/// language as JSON in the body's data-text attribute; every "Js.*" key of Resources/SharedText goes.
/// </summary>
public static class ScriptText
{
    public const string Prefix = "Js.";

    public static IReadOnlyDictionary<string, string> For(IStringLocalizer<SharedText> text) =>
        text.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Name[Prefix.Length..], s => s.Value);

    private static readonly ConcurrentDictionary<string, string> Written = new(StringComparer.Ordinal);

    /// <summary>
    /// <see cref="For"/> as the JSON every page carries, in the current UI language. Written once per language: reading
    /// every string of a resource file cost each page (a room's phones read theirs at the same moment) more than
    /// drawing the page itself.
    /// </summary>
    public static string JsonFor(IStringLocalizer<SharedText> text) =>
        Written.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => JsonSerializer.Serialize(For(text)));
}
