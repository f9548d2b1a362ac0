using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// Remembers which participant a phone is, per session: an HttpOnly cookie holding the participant id,
/// encrypted and signed with Data Protection so it cannot be read or forged. Nothing else is stored on
/// the phone by the server.
/// </summary>
public sealed class ParticipantCookie(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly IDataProtector _protector = protection.CreateProtector("ReflectionWorkshop.ParticipantCookie.v1");

    public static string Name(string joinCode) => "rw-p-" + joinCode;

    public Guid? Read(HttpRequest request, Guid sessionId, string joinCode)
    {
        if (!request.Cookies.TryGetValue(Name(joinCode), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var session) && session == sessionId && Guid.TryParse(parts[1], out var participant)
                ? participant
                : null;
        }
        catch (CryptographicException)
        {
            // A cookie from another installation or an old key: treat the phone as new.
            return null;
        }
    }

    /// <summary>
    /// The participant this request's cookie for <paramref name="joinCode"/> proves, whatever its session; null when
    /// there is none or it does not unprotect (made up, or from elsewhere). For keys that must not trust the client.
    /// </summary>
    public Guid? Verified(HttpRequest request, string joinCode)
    {
        if (!request.Cookies.TryGetValue(Name(joinCode), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[1], out var participant) ? participant : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public void Write(HttpResponse response, Guid sessionId, string joinCode, Guid participantId) =>
        response.Cookies.Append(Name(joinCode), _protector.Protect($"{sessionId}|{participantId}"), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/",
        });
}
