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
}
