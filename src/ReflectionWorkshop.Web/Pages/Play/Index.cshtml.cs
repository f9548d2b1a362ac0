using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Diagnostics;
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
public sealed class IndexModel(PhoneReading phones, Answering answering, TakeawayLinks takeaway, IStringLocalizer<ParticipantText> text) : PageModel
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


    /// <summary>While the room sorts: this phone's own cards of the step, each with where it is and the likeliest theme.</summary>
    public IReadOnlyList<SortCard> MyCards { get; private set; } = [];

    /// <summary>The facilitator's named themes, offered to each card while the room sorts.</summary>
    public IReadOnlyList<Theme> SortThemes { get; private set; } = [];

    /// <summary>What happened to the card this phone just sorted; carried over the redirect.</summary>
    [TempData]
    public string? Sorted { get; set; }

    /// <summary>The step this phone is on: the room's, or its own in a self-paced session.</summary>
    public int Step => Session.StepFor(Participant);

    /// <summary>The steps this phone has answered.</summary>
    private IReadOnlyCollection<int> Answered { get; set; } = [];

    /// <summary>What the page draws (the same partial draws the room's view of a step, ADR-016).</summary>
    public PhoneView View => new(Session, Prompt, Step, Context)
    {
        Removed = Participant.IsRemoved,
        DisplayName = Participant.DisplayName,
        Answered = Saved is { } saved && !Answered.Contains(saved.Step) ? [.. Answered, saved.Step] : Answered,
        Saved = Saved,
        MyResponses = MyResponses,
        Editing = Editing,
        Input = Input,
        NotSavedReason = NotSavedReason,
        RefusedReason = RefusedReason,
        NotSavedText = NotSavedText,
        Withdrawn = Withdrawn,
        Sorted = Sorted,
        TakeawayUrl = Session.State == SessionState.Closed ? TakeawayUrl : null,
        MyCards = MyCards,
        SortThemes = SortThemes,
    };

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
        Editing = Prompt is { TakesAnswers: true } && !PhoneView.WaitsForBallot(Session, Prompt, Step) && !Session.AnswersLocked && !Participant.IsRemoved && (Saved is null || edit);
        if (Prompt is not null)
        {
            Input = AnswerInput.From(Prompt, Step, Saved);
        }

        return Page();
    }

    /// <summary>A small poll the phone makes until live updates arrive: where is the room now?</summary>
    public async Task<IActionResult> OnGetStateAsync(string code, CancellationToken cancellationToken) =>
        await phones.StateAsync(code, Request, cancellationToken) is { } state
            ? new JsonResult(state, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))
            : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(string code, CancellationToken cancellationToken)
    {
        var typed = Input;
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        switch (await answering.SubmitAsync(Session, Participant, Saved, typed, cancellationToken))
        {
            case Submission.Saved { Response: var stored }:
                if (stored.Step == Step)
                {
                    Saved = stored;
                }

                return AnswerSaved();
            case Submission.Refused { Why: var why, Message: var message }:
                // Say why, and give the words back so they can be copied: nothing typed is silently dropped.
                RefusedReason = why switch
                {
                    AnswerRefusal.Removed => text["Play.NotSaved.Removed"],
                    AnswerRefusal.Locked => text["Play.NotSaved.Locked"],
                    AnswerRefusal.Closed => text["Play.NotSaved.Closed"],
                    AnswerRefusal.NotStarted => text["Play.NotSaved.Lobby"],
                    AnswerRefusal.OtherStep or AnswerRefusal.NoSuchStep when Session.IsSelfPaced => text["Play.NotSaved.OtherStep", Step + 1, typed.Step + 1],
                    AnswerRefusal.OtherStep or AnswerRefusal.NoSuchStep or AnswerRefusal.NoAnswers => text["Play.NotSaved.MovedOn", Session.CurrentStep + 1, typed.Step + 1],
                    _ => message,
                };
                NotSavedText = typed.TypedText();
                return Page();
            case Submission.Invalid { Problems: var problems }:
                Input = typed;
                foreach (var problem in problems)
                {
                    ModelState.AddModelError(Prompt is { } prompt ? AnswerInput.FieldFor(prompt, problem.Slot) : "Input", problem.Message);
                }

                Editing = true;
                return Page();
            default:
                throw new InvalidOperationException("An answer has no other outcome.");
        }
    }

    /// <summary>
    /// The answer is saved. A form the browser posted gets a redirect, so that reloading the page does not post it
    /// again. The page's script (which says so with <c>X-Requested-With: fetch</c>) would follow that redirect and
    /// swap the page's live part in; it gets that part at once instead, from what this request already read and
    /// wrote, without the layout around it: one request a phone instead of two, which in a room where everyone
    /// answers at the same moment is about half the server's work.
    /// </summary>
    private IActionResult AnswerSaved()
    {
        if (!string.Equals(Request.Headers["X-Requested-With"], "fetch", StringComparison.Ordinal))
        {
            return Redirect($"/s/{Session.JoinCode}");
        }

        ModelState.Clear();
        Show(edit: false);
        return Partial("_Phone", View);
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

        int removed;
        try
        {
            removed = await answering.WithdrawAsync(Session, Participant, cancellationToken);
        }
        catch (DomainException ex)
        {
            NotSavedReason = ex.Message;
            return Redirect($"/s/{Session.JoinCode}");
        }

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

        try
        {
            await answering.MoveAsync(Session, Participant, step, direction, cancellationToken);
        }
        catch (DomainException ex)
        {
            NotSavedReason = ex.Message;
        }

        return Redirect($"/s/{Session.JoinCode}");
    }

    /// <summary>While the room sorts, a participant places one of their own cards in a theme (or in none).</summary>
    public async Task<IActionResult> OnPostSortAsync(string code, string? card, string? to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        try
        {
            Sorted = await answering.SortAsync(Session, Participant, card, to, cancellationToken);
        }
        catch (SortingEndedException ex)
        {
            NotSavedReason = ex.Message;
            return Redirect($"/s/{Session.JoinCode}");
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

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var (session, phone) = await phones.ReadAsync(code, Request, cancellationToken);
        if (session is null)
        {
            return Redirect($"/j/{Uri.EscapeDataString(code)}");
        }

        Session = session;
        if (phone is null)
        {
            // Not (or no longer) in this session on this phone: the join page explains and lets them in.
            return Redirect($"/j/{session.JoinCode}");
        }

        Participant = phone.Participant;
        Saved = phone.Saved;
        MyResponses = phone.Mine;
        Context = phone.Context;
        SortThemes = phone.SortThemes;
        MyCards = phone.MyCards;
        Answered = phone.Answered;
        return null;
    }
}
