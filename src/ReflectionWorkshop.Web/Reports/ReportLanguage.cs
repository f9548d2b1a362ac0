using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// Exports speak the session's language (its activity's <c>language</c>), whoever downloads them: a Spanish
/// session exported by an English-speaking coach comes out in Spanish, with Spanish dates and numbers.
/// A language the app does not speak falls back to English rather than mixing English words with foreign dates.
/// </summary>
public static class ReportLanguage
{
    /// <summary>
    /// The report writers are static functions, called by pages and by tests alike, so they share one
    /// localizer over the same resource files the app's own factory reads. Like every localizer it answers
    /// in the current UI culture: the viewer's on the summary page, the session's inside <see cref="In{T}"/>.
    /// </summary>
    public static IStringLocalizer<ReportsText> Text { get; } = new StringLocalizer<ReportsText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static CultureInfo Of(Session session) =>
        WorkshopLanguages.Find(session.Activity.Language) ?? CultureInfo.GetCultureInfo(WorkshopLanguages.Default);

    /// <summary>Makes an export with the session's language as the current culture, then puts the caller's back.</summary>
    public static T In<T>(Session session, Func<T> export)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var language = Of(session);
        try
        {
            CultureInfo.CurrentCulture = language;
            CultureInfo.CurrentUICulture = language;
            return export();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
