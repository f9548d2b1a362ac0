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
}
