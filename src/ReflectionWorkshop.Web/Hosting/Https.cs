using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// What a browser is told over HTTPS (issue 18, "Also expected"). Every cookie is Secure when the request came over
/// HTTPS — directly or, behind nginx, as X-Forwarded-Proto says (<see cref="WebFarm"/>) — and plain otherwise, so a
/// room on a laptop over plain HTTP still works (ADR-006). Outside Development, HTTPS responses carry
/// Strict-Transport-Security, so a browser that has been here once never asks over plain HTTP again.
/// </summary>
public static class Https
{
    /// <summary>A year: what OWASP and the HSTS preload list ask for. Subdomains are left alone: they are the district's, not ours.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static void AddWorkshopHttps(this WebApplicationBuilder builder)
    {
        // The antiforgery cookie is never Secure by default, whatever the request; the others already follow the
        // request, and say so here. The cookie policy below marks the rest (rw-p-*, rw-lang, rw-space and any later).
        builder.Services.Configure<AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);

        // localhost, 127.0.0.1 and [::1] stay excluded (the framework's default): a developer's other local sites keep working.
        builder.Services.AddHsts(options => options.MaxAge = HstsMaxAge);
    }

    /// <summary>Call after UseForwardedHeaders (so a request nginx took over HTTPS counts as one) and before anything sets a cookie.</summary>
    public static void UseWorkshopHttps(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
    }
}
