using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Hosting;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web;

/// <summary>
/// The built-in rate limiter on the doors people knock on: sign-in and registration (per address),
/// joining (per address, generous, because a whole room shares one school network), and answering
/// (per phone). Only posts count; reading a page is never limited. Numbers come from configuration
/// (RateLimits:*) so an installation can tune them.
/// </summary>
public static class RateLimits
{
    public const string Accounts = "accounts";
    public const string Join = "join";
    public const string Answer = "answer";

    public static IServiceCollection AddWorkshopRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Accounts, context => PerPost(context, "accounts", Address(context), 10));
            options.AddPolicy(Join, context => PerPost(context, "join", Address(context), 120));
            options.AddPolicy(Answer, context => PerPost(context, "answer", Phone(context), 30));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.ContentType = "text/html; charset=utf-8";
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
                await response.WriteAsync(PlainPage.Html(rejected.HttpContext, text["TooMany.Heading"], text["TooMany.Text", seconds]), cancellationToken);
            };
        });

    private static RateLimitPartition<string> PerPost(HttpContext context, string name, string key, int defaultPermits)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        var permits = configuration.GetValue($"RateLimits:{name}:PermitsPerWindow", defaultPermits);
        var window = TimeSpan.FromSeconds(configuration.GetValue($"RateLimits:{name}:WindowSeconds", 60));
        return RateLimitPartition.GetFixedWindowLimiter($"{name}:{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }

    internal static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// A phone is the participant its cookie for this session's code proves (the cookie is signed, so a made-up
    /// one proves nothing); without one its address stands in. Issue 18: keying on whichever <c>rw-p-*</c> cookie
    /// came first let a phone send a new made-up cookie with each post and never reach its limit.
    /// </summary>
    private static string Phone(HttpContext context) =>
        context.GetRouteValue("code") is string code
        && context.RequestServices.GetRequiredService<ParticipantCookie>().Verified(context.Request, ReflectionWorkshop.Domain.Sessions.JoinCode.Normalize(code) ?? code) is { } participant
            ? "participant:" + participant.ToString("N")
            : Address(context);
}
