namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// Where a session is in its life. It only moves forward: Lobby → Running → Closed.
/// </summary>
public enum SessionState
{
    /// <summary>Open for joining; the facilitator has not shown the first step yet.</summary>
    Lobby,

    /// <summary>Steps are being answered; the facilitator moves the current step.</summary>
    Running,

    /// <summary>Finished: no joining, no answers; the summary is final.</summary>
    Closed,
}

/// <summary>Whether the room was told its answers carry names. Fixed when the session is created.</summary>
public enum Anonymity
{
    Anonymous,
    Named,
}

/// <summary>Who moves between steps. Fixed when the session is created.</summary>
public enum Pacing
{
    /// <summary>The facilitator moves the whole room from step to step.</summary>
    Facilitated,

    /// <summary>Each participant moves through the steps on their own; the facilitator watches progress.</summary>
    SelfPaced,
}
