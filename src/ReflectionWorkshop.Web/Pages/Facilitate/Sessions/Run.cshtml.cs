using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}: the facilitator's control page — join code, QR code, who joined, the
/// current step with its answers, and the buttons that move the room.
/// </summary>
public sealed class RunModel(AppDbContext db, SpaceAccess access, LiveUpdates live, ThemeBoards boards, TimeProvider clock, IConfiguration configuration, IStringLocalizer<FacilitationText> text) : PageModel
{
    public Session Session { get; private set; } = null!;

    /// <summary>The viewer may steer: a facilitator of the space who is running this session.</summary>
    public bool CanSteer { get; private set; }

    /// <summary>A facilitator of the space, but someone else is running the session: they may take over.</summary>
    public bool CanTakeOver { get; private set; }

    /// <summary>Facilitators of the space may delete a session; coaches may only read.</summary>
    public bool CanDelete { get; private set; }

    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    /// <summary>Self-paced sessions: the step whose answers the facilitator is looking at (?view=N, zero-based).</summary>
    [BindProperty(SupportsGet = true)]
    public int? View { get; set; }

    /// <summary>The step shown: the room's step, or in a self-paced session the one chosen to view.</summary>
    public int ViewedStep { get; private set; }

    /// <summary>Self-paced sessions: per step, how many people are on it and how many answered it.</summary>
    public IReadOnlyList<(int OnStep, int Answered)> Progress { get; private set; } = [];

    /// <summary>Answers to the shown step, oldest first.</summary>
    public IReadOnlyList<Response> Answers { get; private set; } = [];

    public JoinLinks Links { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    /// <summary>The current step's answers gathered: totals for ratings and choices, both sides for compare.</summary>
    public PromptSummary? CurrentStep { get; private set; }

    /// <summary>The shown step's theme board, when its answers can be sorted into themes.</summary>
    public BoardView? Board { get; private set; }

    /// <summary>The earlier step's top themes the shown step displays, if it asks for them.</summary>
    public StepContext? Context { get; private set; }

    /// <summary>A vote step whose ballot is not open: the themes it would offer now, largest first.</summary>
    public IReadOnlyList<string> BallotPreview { get; private set; } = [];

    // The page asks once per answer: a lookup, not a search of every participant (issue 18).
    private Dictionary<Guid, string?> _names = [];

    public string? NameOf(Guid participantId) =>
        Session.Anonymity == Anonymity.Named ? _names.GetValueOrDefault(participantId) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var session = found.Session;
        Session = session;
        var isMine = session.FacilitatorId == SpaceAccess.UserId(User);
        CanSteer = found.CanSteer && isMine;
        CanTakeOver = found.CanSteer && !isMine && session.State != SessionState.Closed;
        CanDelete = found.CanSteer;
        Participants = await db.Participants.AsNoTracking()
            .Where(p => p.SessionId == id && !p.IsRemoved)
            .OrderBy(p => p.JoinedAt)
            .ToListAsync(cancellationToken);
        _names = Participants.ToDictionary(p => p.Id, p => p.DisplayName);
        ViewedStep = Viewed(session);
        if (session.State == SessionState.Running)
        {
            var viewed = ViewedStep;
            Answers = await db.Responses.AsNoTracking()
                .Where(r => r.SessionId == id && r.Step == viewed)
                .OrderBy(r => r.SubmittedAt)
                .ToListAsync(cancellationToken);
            CurrentStep = SessionSummary.Build(session, Participants, Answers).Prompts[viewed];
            var prompt = session.PromptAt(viewed);
            Board = prompt.CanBeThemed ? await boards.ViewAsync(session, viewed, cancellationToken) : null;
            Context = await boards.ContextAsync(session, viewed, cancellationToken);
            if (prompt is { Kind: PromptKind.Vote, ThemesFrom: { } source } && !session.IsBallotOpen(viewed))
            {
                BallotPreview = (await boards.ViewAsync(session, source, cancellationToken)).Ranked
                    .Select(t => t.Theme.Name)
                    .Take(AnswerLimits.BallotMaxThemes)
                    .ToList();
            }
            if (session.IsSelfPaced)
            {
                var answered = await db.Responses.Where(r => r.SessionId == id).GroupBy(r => r.Step)
                    .Select(g => new { g.Key, Count = g.Count() })
                    .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
                Progress = session.Activity.Prompts
                    .Select((_, step) => (Participants.Count(p => p.Step == step), answered.GetValueOrDefault(step)))
                    .ToList();
            }
        }

        Links = JoinLinks.For(session.JoinCode, Request, configuration, text);
        return Page();
    }

    /// <summary>What the page polls to know when to refresh itself: a change in any of these numbers.</summary>
    /// <summary>What the page showed, for its poll (<see cref="PageSignature"/>).</summary>
    public string Signature => PageSignature.Of(Session, Participants.Count, Answers.Count, Answers.Count == 0 ? null : Answers.Max(r => r.UpdatedAt));

    /// <summary>The step the page shows: the room's, or in a self-paced session the one chosen with ?view=.</summary>
    private int Viewed(Session session) =>
        session.IsSelfPaced ? Math.Clamp(View ?? 0, 0, session.Activity.Prompts.Count - 1) : session.CurrentStep;

    public async Task<IActionResult> OnGetStateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { Session: var session })
        {
            return NotFound();
        }

        // The same reading as the page: participants not removed, and while running the answers to the step it shows.
        var participants = await db.Participants.CountAsync(p => p.SessionId == id && !p.IsRemoved, cancellationToken);
        var viewed = Viewed(session);
        var answers = session.State == SessionState.Running
            ? await db.Responses.Where(r => r.SessionId == id && r.Step == viewed).Select(r => r.UpdatedAt).ToListAsync(cancellationToken)
            : [];
        return new JsonResult(new { signature = PageSignature.Of(session, participants, answers.Count, answers.Count == 0 ? null : answers.Max()) });
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.Start(clock.GetUtcNow()), cancellationToken);

    /// <summary>Moves the room on; arriving at a vote opens it with the current themes when there are enough.</summary>
    public Task<IActionResult> OnPostNextAsync(Guid id, int step, CancellationToken cancellationToken) =>
        ChangeAsync(id, async s =>
        {
            s.Advance(step);
            if (s.CurrentPrompt.Kind == PromptKind.Vote && !s.IsBallotOpen(s.CurrentStep))
            {
                try
                {
                    await boards.OpenVoteAsync(s, s.CurrentStep, cancellationToken);
                }
                catch (DomainException)
                {
                    // Too few themes yet: the control page says so and offers to open the vote later.
                }
            }
        }, cancellationToken);

    /// <summary>Opens a vote with the themes of its source step (again, with newer themes, while nobody has voted).</summary>
    public Task<IActionResult> OnPostOpenVoteAsync(Guid id, int step, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => boards.OpenVoteAsync(s, step, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostBackAsync(Guid id, int step, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.GoBack(step), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.Close(clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostTimerAsync(Guid id, int minutes, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.StartTimer(TimeSpan.FromMinutes(minutes), clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostAddMinuteAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.AddMinute(clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostStopTimerAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.StopTimer(), cancellationToken);

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.LockAnswers(), cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.UnlockAnswers(), cancellationToken);

    public Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.RevealAnswers(), cancellationToken);

    public Task<IActionResult> OnPostHideAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.HideAnswers(), cancellationToken);

    /// <summary>Removes a participant (a phone that should not be in the room) and deletes their answers.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid participantId, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return NotFound();
        }

        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.SessionId == id, cancellationToken);
        if (participant is null)
        {
            return NotFound();
        }

        session.Remove(participant);
        await db.Responses.Where(r => r.ParticipantId == participantId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await live.ParticipantRemovedAsync(id, participantId);
        Message = text["Run.Removed"];
        return RedirectToPage(new { id });
    }

    /// <summary>A co-facilitator of the space takes the controls of a session someone else started.</summary>
    public async Task<IActionResult> OnPostTakeOverAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return NotFound();
        }

        try
        {
            session.TakeOver(SpaceAccess.UserId(User));
            await db.SaveChangesAsync(cancellationToken);
            await live.StateChangedAsync(session);
            Message = text["Run.TookOver"];
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        return RedirectToPage(new { id });
    }

    /// <summary>Deletes the session with every participant and answer; the page asks for confirmation first.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return NotFound();
        }

        db.Sessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        await live.SessionDeletedAsync(session.Id);
        TempData["Deleted"] = text["Run.Deleted", session.Activity.Title, session.JoinCode].Value;
        return RedirectToPage("Index");
    }

    private Task<IActionResult> ChangeAsync(Guid id, Action<Session> change, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            s =>
            {
                change(s);
                return Task.CompletedTask;
            },
            cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Session, Task> change, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return NotFound();
        }

        if (session.FacilitatorId != SpaceAccess.UserId(User))
        {
            Message = text["Run.NotYours"];
            return RedirectToPage(new { id });
        }

        try
        {
            await change(session);
            await db.SaveChangesAsync(cancellationToken);
            await live.StateChangedAsync(session);
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        // Closing lands on the closed room, not the summary: the facilitator may still be thanking people with the
        // projector showing its thank-you (ADR-014); the closed view offers the summary.
        return RedirectToPage(new { id });
    }
}
