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
public sealed class RunModel(SpaceAccess access, RoomReading rooms, Steering steering, ThemeBoards boards, TimeProvider clock, IConfiguration configuration, IStringLocalizer<FacilitationText> text) : PageModel
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
        CanSteer = found.Drives;
        CanTakeOver = found.CanTakeOver;
        CanDelete = found.CanSteer;
        ViewedStep = Viewed(session);
        var room = await rooms.ReadAsync(session, ViewedStep, withBoard: true, cancellationToken);
        Participants = room.Participants;
        _names = Participants.ToDictionary(p => p.Id, p => p.DisplayName);
        Answers = room.Answers;
        CurrentStep = room.Summary;
        Board = room.Board;
        Context = room.Context;
        Signature = room.Signature;
        if (session.State == SessionState.Running)
        {
            var prompt = session.PromptAt(ViewedStep);
            if (prompt.Kind == PromptKind.Vote && !session.IsBallotOpen(ViewedStep))
            {
                BallotPreview = await boards.BallotAsync(session, ViewedStep, cancellationToken);
            }

            if (session.IsSelfPaced)
            {
                var answered = await rooms.AnsweredPerStepAsync(session, cancellationToken);
                Progress = room.OnEachStep.Select((people, step) => (people, answered.GetValueOrDefault(step))).ToList();
            }
        }

        Links = JoinLinks.For(session.JoinCode, Request, configuration, text);
        return Page();
    }

    /// <summary>What the page showed, for its poll (<see cref="PageSignature"/>).</summary>
    public string Signature { get; private set; } = "";

    /// <summary>The step the page shows: the room's, or in a self-paced session the one chosen with ?view=.</summary>
    private int Viewed(Session session) =>
        session.IsSelfPaced ? Math.Clamp(View ?? 0, 0, session.Activity.Prompts.Count - 1) : session.CurrentStep;

    public async Task<IActionResult> OnGetStateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { Session: var session })
        {
            return NotFound();
        }

        return new JsonResult(new { signature = await rooms.SignatureAsync(session, Viewed(session), cancellationToken) });
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.Start(clock.GetUtcNow()), cancellationToken));

    /// <summary>Moves the room on; arriving at a vote opens it with the current themes when there are enough.</summary>
    public Task<IActionResult> OnPostNextAsync(Guid id, int step, CancellationToken cancellationToken) =>
        BackAsync(id, steering.NextAsync(User, id, step, cancellationToken));

    /// <summary>Opens a vote with the themes of its source step (again, with newer themes, while nobody has voted).</summary>
    public Task<IActionResult> OnPostOpenVoteAsync(Guid id, int step, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, Steerer.Driver, async s =>
        {
            await boards.OpenVoteAsync(s, step, cancellationToken);
            return null;
        }, cancellationToken));

    public Task<IActionResult> OnPostBackAsync(Guid id, int step, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.GoBack(step), cancellationToken));

    // Closing lands on the closed room, not the summary: the facilitator may still be thanking people with the
    // projector showing its thank-you (ADR-014); the closed view offers the summary.
    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.Close(clock.GetUtcNow()), cancellationToken));

    public Task<IActionResult> OnPostTimerAsync(Guid id, int minutes, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.StartTimer(TimeSpan.FromMinutes(minutes), clock.GetUtcNow()), cancellationToken));

    public Task<IActionResult> OnPostAddMinuteAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.AddMinute(clock.GetUtcNow()), cancellationToken));

    public Task<IActionResult> OnPostStopTimerAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.StopTimer(), cancellationToken));

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.LockAnswers(), cancellationToken));

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.UnlockAnswers(), cancellationToken));

    public Task<IActionResult> OnPostRevealAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.RevealAnswers(), cancellationToken));

    public Task<IActionResult> OnPostHideAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.ChangeAsync(User, id, s => s.HideAnswers(), cancellationToken));

    /// <summary>Removes a participant (a phone that should not be in the room) and deletes their answers.</summary>
    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid participantId, CancellationToken cancellationToken) =>
        BackAsync(id, steering.RemoveAsync(User, id, participantId, cancellationToken));

    /// <summary>A co-facilitator of the space takes the controls of a session someone else started.</summary>
    public Task<IActionResult> OnPostTakeOverAsync(Guid id, CancellationToken cancellationToken) =>
        BackAsync(id, steering.TakeOverAsync(User, id, cancellationToken));

    /// <summary>Deletes the session with every participant and answer; the page asks for confirmation first.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await steering.DeleteAsync(User, id, cancellationToken) is not { Found: true } deleted)
        {
            return NotFound();
        }

        TempData["Deleted"] = deleted.Message;
        return RedirectToPage("Index");
    }

    /// <summary>Back to the control page with what the press came to (post/redirect/get).</summary>
    private async Task<IActionResult> BackAsync(Guid id, Task<Steered> pressed)
    {
        if (await pressed is not { Found: true } steered)
        {
            return NotFound();
        }

        Message = steered.Message;
        return RedirectToPage(new { id });
    }
}
