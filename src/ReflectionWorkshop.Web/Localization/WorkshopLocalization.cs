using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Localization;

/// <summary>
/// Request localisation: a facilitator's account language, else the language chosen on this device
/// (a cookie), else the browser's Accept-Language, else English. Each request — each phone — gets its own.
/// </summary>
public static class WorkshopLocalization
{
    public static IServiceCollection AddWorkshopLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = WorkshopLanguages.Supported.ToList();
            options.DefaultRequestCulture = new RequestCulture(WorkshopLanguages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new AccountLanguageProvider(),
                new CookieRequestCultureProvider { CookieName = WorkshopLanguages.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Validation messages written as resource keys in [Required(ErrorMessage = "…")] come from the page's area.</summary>
    public static IMvcBuilder AddWorkshopValidationText(this IMvcBuilder mvc) =>
        mvc.AddDataAnnotationsLocalization(options =>
            options.DataAnnotationLocalizerProvider = (type, factory) => factory.Create(ResourceFor(type)));

    /// <summary>Which resource file holds the text of a page model (by its folder).</summary>
    public static Type ResourceFor(Type type)
    {
        var name = type.FullName ?? "";
        return name switch
        {
            _ when name.Contains(".Pages.Facilitate.Activities", StringComparison.Ordinal) => typeof(AuthoringText),
            _ when name.Contains(".Pages.Facilitate", StringComparison.Ordinal) => typeof(FacilitationText),
            _ when name.Contains(".Pages.Join", StringComparison.Ordinal) || name.Contains(".Pages.Play", StringComparison.Ordinal) => typeof(ParticipantText),
            _ when name.Contains(".Pages.Account", StringComparison.Ordinal) || name.Contains(".Pages.Spaces", StringComparison.Ordinal) || name.Contains(".Pages.Admin", StringComparison.Ordinal) => typeof(AccountsText),
            _ => typeof(SharedText),
        };
    }

    /// <summary>Remembers a language on this device for a year.</summary>
    public static void RememberLanguage(this HttpResponse response, string culture) =>
        response.Cookies.Append(
            WorkshopLanguages.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = response.HttpContext.Request.IsHttps,
            });
}
