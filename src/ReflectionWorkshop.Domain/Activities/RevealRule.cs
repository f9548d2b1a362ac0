namespace ReflectionWorkshop.Domain.Activities;

/// <summary>When the projector shows a step's answers. The facilitator can still show or hide them at any time.</summary>
public enum RevealRule
{
    /// <summary>When the facilitator chooses to (the default).</summary>
    Manual,

    /// <summary>As soon as the step opens, so the room watches answers arrive.</summary>
    Live,

    /// <summary>When the facilitator locks the step's answers, so no one is swayed while still answering.</summary>
    OnLock,
}
