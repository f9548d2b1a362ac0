using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Hosting;

namespace ReflectionWorkshop.Web;

/// <summary>What runs once before the app takes requests, and the message it prints when ready.</summary>
public static class Startup
{
    /// <summary>Opens and migrates the database and refreshes the catalogue; false when the app must not start.</summary>
    public static async Task<bool> PrepareAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ReflectionWorkshop.Startup");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await DatabaseSetup.PrepareAsync(db, app.Configuration, logger);
        }
        catch (DatabaseStartupException ex)
        {
            logger.LogCritical("Reflection Workshop did not start. {Reason}", ex.Message);
            return false;
        }

        WebFarm.WarmDataProtection(app.Services);
        var report = app.Services.GetRequiredService<ShippedActivitiesReport>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await ShippedActivities.SyncAsync(db, report, now, logger);
        return true;
    }

    public static void AnnounceUrls(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ReflectionWorkshop");
        foreach (var address in addresses)
        {
            logger.LogInformation("Reflection Workshop is ready. Facilitators: {Url}/facilitate  Participants: {Url}/join", address, address);
        }
    }

    /// <summary>
    /// The key in <see cref="HttpContext.Items"/> of this response's script nonce: the one inline script the
    /// layout writes (the import map that sends site.js's imports to their fingerprinted files) carries it.
    /// </summary>
    public const string ScriptNonce = "csp-script-nonce";

    /// <summary>
    /// A strict content security policy: every script and style comes from our own files, so an answer
    /// that somehow carried markup still could not run. The only inline script allowed is the layout's
    /// import map, by a nonce made afresh for each response.
    /// </summary>
    /// <remarks>
    /// The sign-in page's "Sign in with …" buttons post a form that is answered by a redirect to the provider, and
    /// browsers hold that redirect to <c>form-action</c> too: each configured provider's origin is admitted there.
    /// </remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var formAction = string.Join(' ', new[] { "'self'" }.Concat(app.ApplicationServices.GetRequiredService<Accounts.SingleSignOn>().Providers.Select(p => p.Origin).Distinct(StringComparer.Ordinal)));
        return app.Use(async (context, next) =>
        {
            var nonce = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[ScriptNonce] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            await next();
        });
    }
}
