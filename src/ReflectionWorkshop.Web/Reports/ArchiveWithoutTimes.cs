namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// A session archive for sharing further (docs/privacy.md): every participant's joining time and every answer's
/// times become the session's start, and answers are listed by step and participant number instead of the order
/// they arrived in. The session's own start and end stay (the summary says them too). The file still imports: the
/// times carry no rule.
/// </summary>
public static class ArchiveWithoutTimes
{
    public static SessionArchive From(SessionArchive archive)
    {
        var at = archive.StartedAt ?? archive.CreatedAt;
        return archive with
        {
            Participants = [.. archive.Participants.Select(p => p with { JoinedAt = at })],
            Responses = [.. archive.Responses.OrderBy(r => r.Step).ThenBy(r => r.Participant).Select(r => r with { SubmittedAt = at, UpdatedAt = at })],
        };
    }
}
