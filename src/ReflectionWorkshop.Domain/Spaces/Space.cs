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
