namespace ReflectionWorkshop.Web;

/// <summary>
/// The address people reach this installation at, for links that leave the browser (QR code, join link,
/// invite link, password reset): PublicBaseUrl when set (a laptop on a room network, a proxy), else the
/// address of the current request.
/// </summary>
public static class PublicUrl
{
    public static string Base(HttpRequest request, IConfiguration configuration) =>
        configuration["PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The base of a link that is sent or logged (password reset): PublicBaseUrl, else the address this server
    /// listens on, never the request's Host header, which whoever sends the request chooses (issue 18, item 6:
    /// <c>Host: evil.test</c> once put a reset link to evil.test in the log). docs/deploy.md: set PublicBaseUrl.
    /// </summary>
    public static string ForMessages(HttpContext context, IConfiguration configuration) =>
        ForMessages(context.RequestServices, configuration);

    /// <summary>The same, outside a request (a mail sent in the background).</summary>
    public static string ForMessages(IServiceProvider services, IConfiguration configuration)
    {
        if (configuration["PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var listening = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return listening is { Length: > 0 }
            ? listening.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal).TrimEnd('/')
            : "http://localhost";
    }
}
