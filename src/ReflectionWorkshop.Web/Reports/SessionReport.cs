using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// Everything a summary or an export says about one session, read once: the answers gathered per
/// step, the theme boards, the votes on them, who facilitated, and an opaque alias per participant
/// ("Participant 3": by order of joining, so the same in every format; names only in named sessions).
/// The facilitator's name is null when their account is gone; each format says so in its own language.
/// </summary>
public sealed record SessionReport(
    Session Session,
    string SpaceName,
    string? FacilitatorName,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Response> Responses,
    SessionSummary Summary,
    IReadOnlyDictionary<int, BoardView> Boards)
{
    private Dictionary<Guid, int>? _numbers;

    private static IStringLocalizer<ReportsText> Text => ReportLanguage.Text;

    /// <summary>How a participant appears in exports: their name in a named session, otherwise an opaque number.</summary>
    public string AliasOf(Guid participantId)
    {
        var index = IndexOf(participantId);
        var participant = index < 0 ? null : Participants[index];
        return Session.Anonymity == Anonymity.Named && participant?.DisplayName is { Length: > 0 } name
            ? name
            : Text["Export.Participant", index + 1];
    }

    /// <summary>The participant's place in the order of joining (0 for the first), or -1 for one no longer listed.</summary>
    public int IndexOf(Guid participantId)
    {
        // Looked up, not searched: exports ask once per answer (issue 18: a search made them quadratic).
        _numbers ??= Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return _numbers.GetValueOrDefault(participantId, -1);
    }

    /// <summary>The dots each theme of <paramref name="step"/> received in the vote steps built on it, by theme name.</summary>
    public IReadOnlyDictionary<string, int> VotesFor(int step)
    {
        var votes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in Summary.Prompts.Where(p => p.Prompt.Kind == PromptKind.Vote && p.Prompt.ThemesFrom == step))
        {
            foreach (var tally in part.Votes)
            {
                votes[tally.Theme] = votes.GetValueOrDefault(tally.Theme) + tally.Dots;
            }
        }

        return votes;
    }

    public static async Task<SessionReport> LoadAsync(AppDbContext db, Session session, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.SessionId == session.Id && !p.IsRemoved)
            .OrderBy(p => p.JoinedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var responses = await db.Responses.AsNoTracking()
            .Where(r => r.SessionId == session.Id)
            .OrderBy(r => r.Step).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var boards = await db.ThemeBoards.AsNoTracking().Where(b => b.SessionId == session.Id).ToListAsync(cancellationToken);
        var facilitator = await db.Users.Where(u => u.Id == session.FacilitatorId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var space = await db.Spaces.Where(s => s.Id == session.SpaceId).Select(s => s.Name).SingleAsync(cancellationToken);
        return Build(session, space, facilitator, participants, responses, boards);
    }

    public static SessionReport Build(Session session, string spaceName, string? facilitatorName, IReadOnlyList<Participant> participants, IReadOnlyList<Response> responses, IReadOnlyList<ThemeBoard> boards)
    {
        var summary = SessionSummary.Build(session, participants, responses);
        var views = new Dictionary<int, BoardView>();
        for (var step = 0; step < session.Activity.Prompts.Count; step++)
        {
            var prompt = session.PromptAt(step);
            if (prompt.CanBeThemed)
            {
                views[step] = BoardView.Of(prompt, boards.FirstOrDefault(b => b.Step == step), responses.Where(r => r.Step == step));
            }
        }

        return new SessionReport(session, spaceName, facilitatorName, participants, responses, summary, views);
    }
}
