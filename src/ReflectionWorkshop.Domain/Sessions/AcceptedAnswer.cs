namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// An answer the session has checked (<see cref="Session.Accept"/>): cleaned, within the rules, for a step the
/// participant may answer now. Only a session makes one, so nothing unchecked can be recorded.
/// </summary>
public sealed class AcceptedAnswer
{
    internal AcceptedAnswer(Guid sessionId, Guid participantId, int step, IReadOnlyList<ResponseItem> items)
    {
        SessionId = sessionId;
        ParticipantId = participantId;
        Step = step;
        Items = items;
    }

    public Guid SessionId { get; }

    public Guid ParticipantId { get; }

    public int Step { get; }

    public IReadOnlyList<ResponseItem> Items { get; }
}

/// <summary>Why a participant may not answer a step right now (<see cref="Session.RefusalFor"/>).</summary>
public enum AnswerRefusal
{
    /// <summary>A facilitator took them out of the room.</summary>
    Removed,

    /// <summary>The session is still in its lobby.</summary>
    NotStarted,

    Closed,

    NoSuchStep,

    /// <summary>The room (or, self-paced, the participant) is on another step.</summary>
    OtherStep,

    /// <summary>The step only shows something; it takes no answers.</summary>
    NoAnswers,

    /// <summary>The facilitator locked the answers.</summary>
    Locked,

    /// <summary>A vote whose ballot is not open yet.</summary>
    BallotNotOpen,
}

/// <summary>The participant may not answer the step now; <see cref="Refusal"/> says why.</summary>
public sealed class AnswerRefusedException(AnswerRefusal refusal, string message) : DomainException(message)
{
    public AnswerRefusal Refusal { get; } = refusal;
}

/// <summary>The answer breaks the step's rules; <see cref="Problems"/> names each one with its field.</summary>
public sealed class AnswerProblemsException(IReadOnlyList<AnswerProblem> problems) : DomainException(problems[0].Message)
{
    public IReadOnlyList<AnswerProblem> Problems { get; } = problems;
}
