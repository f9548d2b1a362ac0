using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>How a room reaches a session: the page to type the code on, the direct link, and its QR code.</summary>
public sealed record JoinLinks(string JoinPageUrl, string JoinUrl, string QrSvg)
{
    public static JoinLinks For(string joinCode, HttpRequest request, IConfiguration configuration, IStringLocalizer<FacilitationText> text)
    {
        var baseUrl = PublicUrl.Base(request, configuration);
        var joinUrl = $"{baseUrl}/j/{joinCode}";
        return new JoinLinks($"{baseUrl}/join", joinUrl, QrCode.Svg(joinUrl, text["Labels.QrCodeFor", joinUrl]));
    }
}
