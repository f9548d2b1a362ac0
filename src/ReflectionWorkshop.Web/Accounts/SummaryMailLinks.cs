using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>
/// The "stop these emails" link in a "summary is ready" mail: the account's id, encrypted and signed by Data
/// Protection (keys in the database, so any instance reads it), so it works without signing in and cannot be
/// made for another account. It does not expire: a mail may be read months later, and all it can do is turn
/// those mails off (after a confirming press; <c>/account/summary-mails</c>).
/// </summary>
public sealed class SummaryMailLinks(IDataProtectionProvider protection)
{
    public const string Path = "/account/summary-mails";

    private readonly IDataProtector _protector = protection.CreateProtector("ReflectionWorkshop.SummaryMailOptOut");

    public string Unsubscribe(string baseUrl, string userId) =>
        $"{baseUrl}{Path}?token={Uri.EscapeDataString(_protector.Protect(userId))}";

    /// <summary>The account a link was made for, or null when it was changed or made elsewhere.</summary>
    public string? UserIdFrom(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
