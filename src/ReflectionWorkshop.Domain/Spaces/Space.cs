using ReflectionWorkshop.Domain.Resources;

namespace ReflectionWorkshop.Domain.Spaces;

/// <summary>
/// A district or school team. Sessions belong to a space, and only its members see them.
/// Users are referred to by their account id only: the domain knows nothing of sign-in.
/// </summary>
public sealed class Space
{
    public const int NameMaxLength = 80;

    private Space()
    {
        Name = "";
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How many days a closed session is kept before it is deleted with everything in it; null: kept until deleted by hand.</summary>
    public int? KeepClosedDays { get; private set; }

    /// <summary>The periods a space may choose (docs/privacy.md): a month, a quarter, a year; or forever (null).</summary>
    public static readonly IReadOnlyList<int> KeepChoices = [30, 90, 365];

    /// <summary>How long before its deletion a closed session is announced on the space's page.</summary>
    public static readonly TimeSpan DeletionNotice = TimeSpan.FromDays(7);

    /// <summary>Sets how long closed sessions are kept: one of <see cref="KeepChoices"/>, or null for forever.</summary>
    public void KeepClosedSessions(int? days)
    {
        if (days is { } d && !KeepChoices.Contains(d))
        {
            throw new DomainException(DomainText.Format("Space.KeepChoice", string.Join(", ", KeepChoices)));
        }

        KeepClosedDays = days;
    }

    /// <summary>When a session closed at <paramref name="closedAt"/> is deleted under this space's rule; null: never.</summary>
    public DateTimeOffset? DeletesAt(DateTimeOffset? closedAt) =>
        closedAt is { } closed && KeepClosedDays is { } days ? closed + TimeSpan.FromDays(days) : null;

    /// <summary>Creates a space with its creator as its first facilitator.</summary>
    public static (Space Space, SpaceMember Creator) Create(string name, string creatorUserId, DateTimeOffset now)
    {
        var space = new Space { Id = Guid.NewGuid(), Name = CheckName(name), CreatedAt = now };
        return (space, new SpaceMember(space.Id, creatorUserId, SpaceRole.Facilitator, now));
    }

    public static string CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException(DomainText.Get("Space.NameRequired"));
        }

        if (trimmed.Length > NameMaxLength)
        {
            throw new DomainException(DomainText.Format("Space.NameTooLong", NameMaxLength, trimmed.Length));
        }

        return trimmed;
    }
}

/// <summary>A user's place in a space.</summary>
public sealed class SpaceMember
{
    private SpaceMember()
    {
        UserId = "";
    }

    internal SpaceMember(Guid spaceId, string userId, SpaceRole role, DateTimeOffset joinedAt)
    {
        SpaceId = spaceId;
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public Guid SpaceId { get; private set; }

    public string UserId { get; private set; }

    public SpaceRole Role { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }
}
