namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>Which activity, and which version of it, a session was started from.</summary>
/// <param name="CustomActivityId">The space's own activity, or null for a shipped one.</param>
/// <param name="Version">The activity's version at the start.</param>
public sealed record ActivityOrigin(Guid? CustomActivityId, int Version);
