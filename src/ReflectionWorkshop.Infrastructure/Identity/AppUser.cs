using Microsoft.AspNetCore.Identity;

namespace ReflectionWorkshop.Infrastructure.Identity;

/// <summary>
/// A facilitator's or coach's account. Participants never have one. The first account created on an
/// installation is its administrator (see docs/privacy.md and the README).
/// </summary>
public sealed class AppUser : IdentityUser
{
    public const int DisplayNameMaxLength = 80;

    public string DisplayName { get; set; } = "";

    public bool IsAdministrator { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The person asked not to be mailed when a summary is ready in a space they coach (the account page's
    /// "Email me when a summary is ready", or the mail's own link). False, the default: they are mailed.
    /// </summary>
    public bool SummaryMailOptOut { get; set; }
}
