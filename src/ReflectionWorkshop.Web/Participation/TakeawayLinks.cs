using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// The private address of a participant's take-away page: their participant id, encrypted and signed,
/// so only the phone that was given it (or whoever they pass it to) can open it. No account needed.
/// </summary>
public sealed class TakeawayLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ReflectionWorkshop.Takeaway.v1");

    public string Token(Guid participantId) => WebEncoders.Base64UrlEncode(_protector.Protect(participantId.ToByteArray()));

    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 400)
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
