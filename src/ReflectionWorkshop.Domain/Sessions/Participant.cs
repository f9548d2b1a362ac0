namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// Someone in the room, known only by an unguessable id held in their phone's cookie.
/// <see cref="DisplayName"/> is null in anonymous sessions: nothing that names a person is stored.
/// </summary>
public sealed class Participant
{
    private Participant()
    {
    }

    internal Participant(Guid id, Guid sessionId, string? displayName, DateTimeOffset joinedAt)
    {
        Id = id;
        SessionId = sessionId;
        DisplayName = displayName;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public string? DisplayName { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>In a self-paced session, the zero-based step this participant is on.</summary>
    public int Step { get; private set; }

    internal void MoveTo(int step) => Step = step;

    /// <summary>Set when a facilitator removes the participant; kept so their phone is told, not silently ignored.</summary>
    public bool IsRemoved { get; private set; }

    internal void MarkRemoved() => IsRemoved = true;
}
