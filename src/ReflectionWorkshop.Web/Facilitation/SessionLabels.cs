using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>How a session's state reads to a facilitator, the same on every page.</summary>
public static class SessionLabels
{
    public static string State(SessionState state) => state switch
    {
        SessionState.Lobby => "Open for joining",
        SessionState.Running => "Running",
        _ => "Closed",
    };
}
