namespace ReflectionWorkshop.Domain.Spaces;

/// <summary>What a member may do in a team space.</summary>
public enum SpaceRole
{
    /// <summary>Starts, runs, takes over and deletes the space's sessions; invites colleagues.</summary>
    Facilitator,

    /// <summary>Reads the space's running (read-only) and closed sessions and their summaries; changes nothing.</summary>
    Coach,
}
