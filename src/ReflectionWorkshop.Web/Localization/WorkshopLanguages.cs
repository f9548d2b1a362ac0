using System.Globalization;

namespace ReflectionWorkshop.Web.Localization;

/// <summary>
/// The languages the app speaks: English, plus every language whose resource files were built into a
/// satellite assembly beside the app (a folder such as <c>es/</c> holding ReflectionWorkshop.Web.resources.dll).
/// A third language is therefore a matter of adding <c>Resources/*.{culture}.resx</c> files.
/// </summary>
public static class WorkshopLanguages
{
    public const string Default = "en";

    /// <summary>The cookie that remembers a phone's or browser's choice for a year.</summary>
    public const string CookieName = "rw-lang";

    /// <summary>
    /// ViewData key a page sets when it offers the language at its top (the join pages' buttons): the layout then
    /// leaves out the switch at its foot, so a phone sees one language choice, not two.
    /// </summary>
    public const string ChoiceShownAbove = "LanguageChoiceShownAbove";

    /// <summary>The account claim that carries a facilitator's chosen language.</summary>
    public const string Claim = "rw:language";

    private static readonly Lazy<IReadOnlyList<CultureInfo>> Found = new(Discover);

    public static IReadOnlyList<CultureInfo> Supported => Found.Value;

    /// <summary>The supported language for a code such as "es" or "es-MX", or null when we do not speak it.</summary>
    public static CultureInfo? Find(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var neutral = code.Split('-', 2)[0];
        return Supported.FirstOrDefault(c => string.Equals(c.Name, neutral, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A language's name as its own speakers write it: "English", "Español".</summary>
    public static string NativeName(CultureInfo culture) =>
        culture.TextInfo.ToTitleCase(culture.NativeName.Split(" (", 2)[0]);

    private static IReadOnlyList<CultureInfo> Discover()
    {
        var assembly = typeof(WorkshopLanguages).Assembly;
        var satellite = assembly.GetName().Name + ".resources.dll";
        var baseDirectory = Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory;
        var found = new List<CultureInfo> { CultureInfo.GetCultureInfo(Default) };
        foreach (var folder in Directory.EnumerateDirectories(baseDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (File.Exists(Path.Combine(folder, satellite)) && TryCulture(name) is { } culture && culture.Name != Default)
            {
                found.Add(culture);
            }
        }

        return found;
    }

    private static CultureInfo? TryCulture(string name)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.IsNeutralCulture ? culture : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
