using System.Globalization;
using System.Resources;

namespace ReflectionWorkshop.Domain.Resources;

/// <summary>
/// The sentences the domain writes for people (refusals, answer problems, activity file problems), in the
/// language of the moment. Pages show a <see cref="DomainException"/>'s message as it is, and the web app's
/// request localisation sets the culture per request, so each phone reads its own language.
/// DomainText.resx is English; DomainText.{culture}.resx translates it with the same keys and placeholders.
/// Plain resource files, read through <see cref="ResourceManager"/>, keep the domain free of packages.
/// </summary>
internal static class DomainText
{
    private static readonly ResourceManager Resources = new(typeof(DomainText).FullName!, typeof(DomainText).Assembly);

    /// <summary>The sentence for <paramref name="key"/> in the current UI culture (English when untranslated).</summary>
    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>The sentence with its {0}… placeholders filled; numbers and dates follow the current culture.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
