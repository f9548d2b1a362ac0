using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// How responses leave the app. Refused form posts get a readable page (<see cref="ReadableRefusals"/>); downloads
/// are never stored (<see cref="DownloadsAreNotStored"/>).
/// What a phone downloads is kept small (ADR-011): static files come precompressed and fingerprinted from the
/// build (MapStaticAssets), and HTML is compressed on the fly — over HTTPS only on the participant pages, whose
/// only secrets change with every response (BREACH).
/// </summary>
public static class Responses
{
    /// <summary>The participant pages a phone loads: the join pages and the answer page.</summary>
    private static readonly PathString[] ParticipantPaths = [new("/join"), new("/j"), new("/s")];

    public static void AddWorkshopResponses(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MvcOptions>(options =>
        {
            options.Filters.Add<ReadableRefusals>();
            options.Filters.Add<LiveRefreshKeepsMessages>();
            options.Filters.Add<DownloadsAreNotStored>();
        });

        if (!builder.Environment.IsDevelopment())
        {
            // When the app serves from the build's manifest (`dotnet run`, the tests, the benchmark) MapStaticAssets
            // watches wwwroot for edits by default; it takes a file whose time differs from the manifest's by a
            // fraction of a second as edited, then sends it in a gzip wrapper without compression
            // (site.css: 17,345 B instead of 4,528 B) and with no-cache. Edits while running are a Development
            // concern; a published app has no such manifest and is unaffected either way.
            builder.Configuration["ReloadStaticAssetsAtRuntime"] ??= "false";
        }

        builder.Services.AddResponseCompression(options =>
        {
            // Off over HTTPS unless a response opts in (below): the framework's default, because of BREACH.
            options.EnableForHttps = false;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
    }

    /// <summary>Compresses HTML and other text responses; static assets arrive already compressed and pass through.</summary>
    public static void UseWorkshopResponses(this WebApplication app)
    {
        app.UseResponseCompression();
        app.Use((context, next) =>
        {
            // The participant pages carry no secret that stays the same from one response to the next: the
            // antiforgery token and the take-away link are encrypted afresh for each response, so a compression
            // oracle has nothing to converge on. Other pages (accounts, invites) are left uncompressed over HTTPS.
            if (context.Request.IsHttps && IsParticipantPage(context.Request.Path)
                && context.Features.Get<IHttpsCompressionFeature>() is { } https)
            {
                https.Mode = HttpsCompressionMode.Compress;
            }

            return next(context);
        });
    }

    private static bool IsParticipantPage(PathString path) =>
        path == "/" || ParticipantPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
