using ReflectionWorkshop.Domain.Resources;

namespace ReflectionWorkshop.Domain.Spaces;

/// <summary>
/// An expiring, single-use invitation into a space with a role. Only a hash of its secret is kept, so
/// the database alone cannot be used to accept an invite.
/// </summary>
public sealed class Invite
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invite()
    {
        TokenHash = "";
        CreatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid SpaceId { get; private set; }

    public SpaceRole Role { get; private set; }

    public string TokenHash { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public string? AcceptedBy { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public static Invite Create(Guid spaceId, SpaceRole role, string createdBy, string tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SpaceId = spaceId,
        Role = role,
        TokenHash = tokenHash,
        CreatedBy = createdBy,
        CreatedAt = now,
        ExpiresAt = now + Lifetime,
    };

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>
    /// Uses the invite. Returns the membership to add, or null when the user already belongs to the
    /// space (the invite is still used up, so the link cannot be passed on). <paramref name="memberships"/> are
    /// the user's memberships (of any space); the invite finds its own space among them.
    /// </summary>
    public SpaceMember? Accept(string userId, IEnumerable<SpaceMember> memberships, DateTimeOffset now)
    {
        var alreadyMember = memberships.Any(m => m.SpaceId == SpaceId && m.UserId == userId);
        if (AcceptedAt is not null)
        {
            throw new DomainException(DomainText.Get("Invite.Used"));
        }

        if (IsExpired(now))
        {
            throw new DomainException(DomainText.Format("Invite.Expired", ExpiresAt));
        }

        AcceptedBy = userId;
        AcceptedAt = now;
        return alreadyMember ? null : new SpaceMember(SpaceId, userId, Role, now);
    }
}
