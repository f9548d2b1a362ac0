using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// The room at one step, as the facilitator's screens show it: who is in the room, the step's answers (oldest
/// first) gathered into <see cref="Summary"/>, the step's theme board and the earlier step's themes it shows.
/// Read once by <see cref="RoomReading"/> for the control page and the projector alike.
/// </summary>
public sealed record RoomAtStep(
    Session Session,
    int Step,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<Response> Answers,
    PromptSummary? Summary,
    BoardView? Board,
    StepContext? Context)
{
    /// <summary>What the page showed, for its poll (<see cref="PageSignature"/>).</summary>
    public string Signature => PageSignature.Of(Session, Participants.Count, Answers.Count, Answers.Count == 0 ? null : Answers.Max(r => r.UpdatedAt));

    /// <summary>Self-paced sessions: per step, how many people are on it.</summary>
    public IReadOnlyList<int> OnEachStep => Session.Activity.Prompts.Select((_, step) => Participants.Count(p => p.Step == step)).ToList();
}

/// <summary>Reads <see cref="RoomAtStep"/>, and the cheap signature a watched page's poll compares with it.</summary>
public sealed class RoomReading(AppDbContext db, ThemeBoards boards)
{
    /// <summary>
    /// The room at <paramref name="step"/>. Answers, their summary and the step's context are read only while the
    /// session runs; the board only when <paramref name="withBoard"/> says the screen shows it.
    /// </summary>
    public async Task<RoomAtStep> ReadAsync(Session session, int step, bool withBoard, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.SessionId == session.Id && !p.IsRemoved)
            .OrderBy(p => p.JoinedAt)
            .ToListAsync(cancellationToken);
        if (session.State != SessionState.Running)
        {
            return new(session, step, participants, [], null, null, null);
        }

        var answers = await db.Responses.AsNoTracking()
            .Where(r => r.SessionId == session.Id && r.Step == step)
            .OrderBy(r => r.SubmittedAt)
            .ToListAsync(cancellationToken);
        var summary = SessionSummary.Build(session, participants, answers).Prompts[step];
        var board = withBoard && session.PromptAt(step).CanBeThemed ? await boards.ViewAsync(session, step, answers, cancellationToken) : null;
        var context = await boards.ContextAsync(session, step, cancellationToken);
        return new(session, step, participants, answers, summary, board, context);
    }

    /// <summary>The same signature as <see cref="RoomAtStep.Signature"/>, from counts only: what a poll costs.</summary>
    public async Task<string> SignatureAsync(Session session, int step, CancellationToken cancellationToken)
    {
        var participants = await db.Participants.CountAsync(p => p.SessionId == session.Id && !p.IsRemoved, cancellationToken);
        var answers = session.State == SessionState.Running
            ? await db.Responses.Where(r => r.SessionId == session.Id && r.Step == step).Select(r => r.UpdatedAt).ToListAsync(cancellationToken)
            : [];
        return PageSignature.Of(session, participants, answers.Count, answers.Count == 0 ? null : answers.Max());
    }

    /// <summary>Self-paced sessions: per step, how many answered it.</summary>
    public async Task<IReadOnlyDictionary<int, int>> AnsweredPerStepAsync(Session session, CancellationToken cancellationToken) =>
        await db.Responses.Where(r => r.SessionId == session.Id).GroupBy(r => r.Step)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The name of the space the session belongs to: the closed projector says where its summary is kept.</summary>
    public async Task<string> SpaceNameAsync(Session session, CancellationToken cancellationToken) =>
        await db.Spaces.AsNoTracking().Where(s => s.Id == session.SpaceId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
}
