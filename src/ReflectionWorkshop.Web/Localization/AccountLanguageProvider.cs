using Microsoft.AspNetCore.Localization;

namespace ReflectionWorkshop.Web.Localization;

/// <summary>A signed-in facilitator's language comes from their account, on every device they use.</summary>
public sealed class AccountLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var chosen = httpContext.User.FindFirst(WorkshopLanguages.Claim)?.Value;
        return Task.FromResult(WorkshopLanguages.Find(chosen) is { } culture
            ? new ProviderCultureResult(culture.Name)
            : null);
    }
}
