namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// One participant's answer to one step. There is at most one per participant and step: changing
/// an answer replaces its items. Created and changed only through <see cref="Session.Answer"/>.
/// </summary>
public sealed class Response
{
    private readonly List<ResponseItem> _items = [];

    private Response()
    {
    }

    internal Response(Guid id, Guid sessionId, Guid participantId, int step, IEnumerable<ResponseItem> items, string? submissionKey, DateTimeOffset now)
    {
        SubmissionKey = submissionKey;
        Id = id;
        SessionId = sessionId;
        ParticipantId = participantId;
        Step = step;
        _items.AddRange(items);
        SubmittedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid ParticipantId { get; private set; }

    /// <summary>Zero-based index of the step answered.</summary>
    public int Step { get; private set; }

    public IReadOnlyList<ResponseItem> Items => _items;

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The idempotency key of the submission that last set this answer. A phone that retries (after a
    /// dropped connection) sends the same key, and the retry is recognised as already saved.
    /// </summary>
    public string? SubmissionKey { get; private set; }

    public const int SubmissionKeyMaxLength = 64;

    internal void Replace(IEnumerable<ResponseItem> items, string? submissionKey, DateTimeOffset now)
    {
        _items.Clear();
        _items.AddRange(items);
        SubmissionKey = submissionKey;
        UpdatedAt = now;
    }
}

/// <summary>
/// A part of a response: a list item, a compare side (slot 0 left, 1 right), a rated item with its
/// value, or a chosen option (whose text is copied so the summary reads without the activity).
/// </summary>
public sealed record ResponseItem(int Slot, string Text, int? Value);
