using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Pages.Play;

/// <summary>
/// /s/{code}: the participant's phone for the whole session — waiting in the lobby, answering the
/// current step, seeing it saved, and a thank-you with their own answers once it closes.
/// </summary>
[EnableRateLimiting(RateLimits.Answer)]
public sealed class IndexModel(AppDbContext db, ParticipantCookie cookie, LiveUpdates live, ThemeBoards boards, TakeawayLinks takeaway, WriteQueue writes, TimeProvider clock, IStringLocalizer<ParticipantText> text) : PageModel
{
    public Session Session { get; private set; } = null!;

    public Participant Participant { get; private set; } = null!;

    /// <summary>This phone's answer to the current step, if it gave one.</summary>
    public Response? Saved { get; private set; }

    /// <summary>This phone's answers, shown once the session has closed.</summary>
    public IReadOnlyList<Response> MyResponses { get; private set; } = [];

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    /// <summary>True when the answer form is shown (no answer yet, "Change my answer", or a refused post).</summary>
    public bool Editing { get; private set; }

    /// <summary>Set when a posted answer could not be saved because the room had moved on; carried over the redirect.</summary>
    [TempData]
    public string? NotSavedReason { get; set; }

    /// <summary>
    /// Why the answer just posted was not saved, and the words it held so they can be copied. Shown in the
    /// reply itself, never carried in a cookie: a long text there would lock the browser out (issue 18).
    /// </summary>
    public string? RefusedReason { get; private set; }

    public string? NotSavedText { get; private set; }

    /// <summary>The step in this phone's language when the activity speaks it: a room may mix languages.</summary>
    public Prompt? Prompt => Session.State == SessionState.Running ? Session.PromptAt(Step, System.Globalization.CultureInfo.CurrentUICulture.Name) : null;

    /// <summary>The private address of this phone's take-away page, offered once the session has closed.</summary>
    public string TakeawayUrl => "/mine/" + takeaway.Token(Participant.Id);

    /// <summary>The earlier step's top themes this step shows, if it asks for them.</summary>
    public StepContext? Context { get; private set; }

    /// <summary>A vote step whose ballot the facilitator has not opened yet: nothing to answer for now.</summary>
    public bool WaitingForBallot => Prompt is { Kind: PromptKind.Vote } && !Session.IsBallotOpen(Step);

    /// <summary>While the room sorts: this phone's own cards of the step, each with where it is and the likeliest theme.</summary>
    public IReadOnlyList<SortCard> MyCards { get; private set; } = [];

    /// <summary>The facilitator's named themes, offered to each card while the room sorts.</summary>
    public IReadOnlyList<Theme> SortThemes { get; private set; } = [];

    /// <summary>What happened to the card this phone just sorted; carried over the redirect.</summary>
    [TempData]
    public string? Sorted { get; set; }

    /// <summary>The step this phone is on: the room's, or its own in a self-paced session.</summary>
    public int Step => Session.StepFor(Participant);

    public async Task<IActionResult> OnGetAsync(string code, bool edit, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        return Show(edit);
    }

    /// <summary>The page for the loaded state: the answer form, or the saved answer (with a way to change it).</summary>
    private PageResult Show(bool edit)
    {
        Editing = Prompt is { TakesAnswers: true } && !WaitingForBallot && !Session.AnswersLocked && !Participant.IsRemoved && (Saved is null || edit);
        if (Prompt is not null)
        {
            Input = AnswerInput.From(Prompt, Step, Saved);
        }

        return Page();
    }

    /// <summary>A small poll the phone makes until live updates arrive: where is the room now?</summary>
    public async Task<IActionResult> OnGetStateAsync(string code, CancellationToken cancellationToken)
    {
        // Only to the session's own phones (issue 18): anyone else gets the same 404 whether or not the code is real.
        var normalized = JoinCode.Normalize(code);
        var state = await db.Sessions.AsNoTracking()
            .Where(s => s.JoinCode == normalized)
            .SingleOrDefaultAsync(cancellationToken);
        return state is null || cookie.Read(Request, state.Id, state.JoinCode) is null
            ? NotFound()
            : new JsonResult(LiveState.Of(state), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
    }

    public async Task<IActionResult> OnPostAnswerAsync(string code, CancellationToken cancellationToken)
    {
        var typed = Input;
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (typed.Key is { Length: > 0 } key
            && await db.Responses.AnyAsync(r => r.ParticipantId == Participant.Id && r.Step == typed.Step && r.SubmissionKey == key, cancellationToken))
        {
            // A retry of a submission that was saved (its reply was lost on the way): it is saved; say so.
            return AnswerSaved();
        }

        if (!Session.IsStepOpenFor(Participant, typed.Step) || Prompt is not { TakesAnswers: true } prompt)
        {
            // Say why, and give the words back so they can be copied: nothing typed is silently dropped.
            RefusedReason = Session.State switch
            {
                _ when Participant.IsRemoved => text["Play.NotSaved.Removed"],
                SessionState.Running when Session.AnswersLocked && typed.Step == Step => text["Play.NotSaved.Locked"],
                SessionState.Closed => text["Play.NotSaved.Closed"],
                SessionState.Lobby => text["Play.NotSaved.Lobby"],
                _ when Session.IsSelfPaced => text["Play.NotSaved.OtherStep", Step + 1, typed.Step + 1],
                _ => text["Play.NotSaved.MovedOn", Session.CurrentStep + 1, typed.Step + 1],
            };
            NotSavedText = typed.TypedText();
            return Page();
        }

        var answer = typed.ToAnswer(prompt);
        foreach (var problem in AnswerRules.Check(prompt, answer))
        {
            ModelState.AddModelError(AnswerInput.FieldFor(prompt, problem.Slot), problem.Message);
        }

        if (!ModelState.IsValid)
        {
            Editing = true;
            return Page();
        }

        try
        {
            await SaveAsync(answer, typed.Key, cancellationToken);
            await live.AnswersChangedAsync(Session.Id);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("Input", ex.Message);
            Editing = true;
            return Page();
        }

        return AnswerSaved();
    }

    /// <summary>
    /// The answer is saved. A form the browser posted gets a redirect, so that reloading the page does not post it
    /// again. The page's script (which says so with <c>X-Requested-With: fetch</c>) would follow that redirect and
    /// swap the page in; it gets the page at once instead, from what this request already read and wrote: one
    /// request a phone instead of two, which in a room where everyone answers at the same moment is about half
    /// the server's work.
    /// </summary>
    private IActionResult AnswerSaved()
    {
        if (!string.Equals(Request.Headers["X-Requested-With"], "fetch", StringComparison.Ordinal))
        {
            return Redirect($"/s/{Session.JoinCode}");
        }

        ModelState.Clear();
        return Show(edit: false);
    }

    /// <summary>
    /// A participant takes back everything they answered in a running session. They stay in the room
    /// and can answer the steps still to come.
    /// </summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (Session.State == SessionState.Closed)
        {
            NotSavedReason = text["Play.WithdrawClosed"];
            return Redirect($"/s/{Session.JoinCode}");
        }

        var removed = await db.Responses.Where(r => r.ParticipantId == Participant.Id).ExecuteDeleteAsync(cancellationToken);
        await live.AnswersChangedAsync(Session.Id);
        Withdrawn = removed switch
        {
            0 => text["Play.WithdrawnNone"],
            1 => text["Play.WithdrawnOne"],
            _ => text["Play.WithdrawnMany", removed],
        };
        return Redirect($"/s/{Session.JoinCode}");
    }

    /// <summary>Self-paced sessions: the participant moves to their next or previous step.</summary>
    public async Task<IActionResult> OnPostMoveAsync(string code, int step, int direction, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var tracked = await db.Participants.SingleAsync(p => p.Id == Participant.Id, cancellationToken);
        try
        {
            Session.MoveParticipant(tracked, step, direction);
            await db.SaveChangesAsync(cancellationToken);
            await live.ParticipantsChangedAsync(Session.Id);
        }
        catch (DomainException ex)
        {
            NotSavedReason = ex.Message;
        }

        return Redirect($"/s/{Session.JoinCode}");
    }

    /// <summary>
    /// While the room sorts, a participant places one of their own cards in a theme (or in none). Only their own:
    /// the card must be an item of their answer to the step. A card a facilitator placed stays where they put it.
    /// </summary>
    public async Task<IActionResult> OnPostSortAsync(string code, string? card, string? to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (Session.SortingStep is not { } step || Session.IsSelfPaced || Participant.IsRemoved)
        {
            NotSavedReason = text["Play.SortEnded"];
            return Redirect($"/s/{Session.JoinCode}");
        }

        try
        {
            Sorted = await boards.EditAsync(Session, step, (board, cards) =>
            {
                var mine = CardKey.TryParse(card, out var key) ? cards.FirstOrDefault(c => c.Key == key && c.ParticipantId == Participant.Id) : null;
                if (mine is null)
                {
                    throw new DomainException(text["Play.SortCardGone"]);
                }

                Guid? target = Guid.TryParse(to, out var id) ? id : null;
                var theme = target is { } t ? board.Find(t) ?? throw new DomainException(text["Play.SortThemeGone"]) : null;
                if (!board.PlaceFromRoom(mine.Key, target, clock.GetUtcNow()))
                {
                    return text["Play.SortFacilitatorPlaced", board.ThemeOf(mine.Key)?.Name ?? ""];
                }

                return theme is null ? text["Play.SortedNone"] : text["Play.SortedIn", theme.Name];
            }, cancellationToken);
            await live.AnswersChangedAsync(Session.Id);
        }
        catch (DomainException ex)
        {
            Sorted = ex.Message;
        }

        return Redirect($"/s/{Session.JoinCode}#sort");
    }

    /// <summary>Confirms a withdrawal after the redirect.</summary>
    [TempData]
    public string? Withdrawn { get; set; }

    private Task SaveAsync(Answer answer, string? key, CancellationToken cancellationToken) =>
        writes.RunAsync(db, (writer, token) => SaveInTurnAsync(writer, answer, key, token), cancellationToken);

    /// <summary>Runs on the write queue's context (SQLite) or the request's own (PostgreSQL).</summary>
    private async Task SaveInTurnAsync(AppDbContext writer, Answer answer, string? key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Saved is null)
        {
            var added = Session.Answer(Participant, Step, answer, null, now, key);
            writer.Responses.Add(added);
            try
            {
                await writer.SaveChangesAsync(cancellationToken);
                Saved = added;
                return;
            }
            catch (DbUpdateException)
            {
                // Two posts of the same answer raced (a double tap, or a resend while the first was queued): the
                // other one inserted first and the unique index refused this one. Apply it as a change instead.
                writer.ChangeTracker.Clear();
            }
        }

        // A change to an answer: applied to the stored response as it is now.
        var existing = await writer.Responses.SingleAsync(r => r.ParticipantId == Participant.Id && r.Step == Step, cancellationToken);
        Session.Answer(Participant, Step, answer, existing, now, key);
        await writer.SaveChangesAsync(cancellationToken);
        Saved = existing;
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var normalized = JoinCode.Normalize(code);
        var session = normalized is null
            ? null
            : await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.JoinCode == normalized, cancellationToken);
        if (session is null)
        {
            return Redirect($"/j/{Uri.EscapeDataString(code)}");
        }

        Session = session;
        var participant = await Joining.CurrentAsync(db, cookie, Request, session, cancellationToken);
        if (participant is null)
        {
            // Not (or no longer) in this session on this phone: the join page explains and lets them in.
            return Redirect($"/j/{session.JoinCode}");
        }

        Participant = participant;
        if (session.State == SessionState.Closed)
        {
            MyResponses = await db.Responses.AsNoTracking()
                .Where(r => r.ParticipantId == participant.Id)
                .OrderBy(r => r.Step)
                .ToListAsync(cancellationToken);
        }
        else if (session.State == SessionState.Running)
        {
            var step = session.StepFor(participant);
            Saved = await db.Responses.SingleOrDefaultAsync(r => r.ParticipantId == participant.Id && r.Step == step, cancellationToken);
            Context = await boards.ContextAsync(session, step, cancellationToken);
            if (session.SortingStep is { } sorting && !session.IsSelfPaced && !participant.IsRemoved)
            {
                (SortThemes, MyCards) = await boards.SortViewAsync(session, sorting, participant.Id, cancellationToken);
            }
        }

        return null;
    }
}
