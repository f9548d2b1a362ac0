namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>How a room reaches a session: the page to type the code on, the direct link, and its QR code.</summary>
public sealed record JoinLinks(string JoinPageUrl, string JoinUrl, string QrSvg)
{
    public static JoinLinks For(string joinCode, HttpRequest request, IConfiguration configuration)
    {
        var baseUrl = PublicUrl.Base(request, configuration);
        var joinUrl = $"{baseUrl}/j/{joinCode}";
        return new JoinLinks($"{baseUrl}/join", joinUrl, QrCode.Svg(joinUrl, $"QR code for {joinUrl}"));
    }
}
