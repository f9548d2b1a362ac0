using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Caching;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>How a room reaches a session: the page to type the code on, the direct link, and its QR code.</summary>
public sealed record JoinLinks(string JoinPageUrl, string JoinUrl, string QrSvg)
{
    /// <summary>
    /// The control page and the projector draw the QR code on every read, several times a second while a room answers;
    /// the code for a session's link (and its label, in the page's language) is drawn once and kept.
    /// </summary>
    private static readonly RecentResults<(string Url, string Label), string> Codes = new(link => QrCode.Svg(link.Url, link.Label), capacity: 256);

    public static JoinLinks For(string joinCode, HttpRequest request, IConfiguration configuration, IStringLocalizer<FacilitationText> text)
    {
        var baseUrl = PublicUrl.Base(request, configuration);
        var joinUrl = $"{baseUrl}/j/{joinCode}";
        return new JoinLinks($"{baseUrl}/join", joinUrl, Codes.Get((joinUrl, text["Labels.QrCodeFor", joinUrl].Value)));
    }
}
