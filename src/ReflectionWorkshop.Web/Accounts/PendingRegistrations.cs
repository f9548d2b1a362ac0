using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>A registration waiting for its email to be proven: what the form said, the password already hashed, where to go after.</summary>
public sealed record PendingRegistration(string DisplayName, string Email, string PasswordHash, string? ReturnUrl);

/// <summary>
/// Enumeration-safe registration (ADR-013): when mail is sent, registering stores nothing; the registration
/// travels inside the link mailed to the address, encrypted and signed by Data Protection and valid for a
/// day. Opening the link creates the account. Until then no row exists, so neither the register page nor the
/// sign-in page can tell a new address from one that has an account.
/// </summary>
public sealed class PendingRegistrations(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("ReflectionWorkshop.Registration").ToTimeLimitedDataProtector();

    public string Protect(PendingRegistration registration) =>
        _protector.Protect(JsonSerializer.Serialize(registration), clock.GetUtcNow() + ValidFor);

    /// <summary>The registration a link carries, or null when it was changed, made elsewhere or is past its day.</summary>
    public PendingRegistration? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PendingRegistration>(_protector.Unprotect(token, out var expires)) is { } registration && expires > clock.GetUtcNow()
                ? registration
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
