using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// Everything the live part of a phone's page draws (<c>Pages/Play/_Phone.cshtml</c>). Two kinds are made: one
/// phone's own (<see cref="IsShared"/> false: its answer, its cards, the messages meant for it, its antiforgery
/// token) and the room's (<see cref="ForRoom"/>): the step as every phone that has not answered it sees it, drawn
/// once per language and carried by the step-change signal (ADR-016), so a phone shows the new step without
/// asking the server for its page.
/// </summary>
public sealed record PhoneView(Session Session, Prompt? Prompt, int Step, StepContext? Context)
{
    /// <summary>True for the room's view: nothing in it belongs to one phone, and its forms carry no token (the phone's script adds its own).</summary>
    public bool IsShared { get; init; }

    public bool Removed { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>The steps this phone has answered: its script takes the room's view only for a step it has not.</summary>
    public IReadOnlyCollection<int> Answered { get; init; } = [];

    /// <summary>This phone's answer to its step, if it gave one.</summary>
    public Response? Saved { get; init; }

    /// <summary>This phone's answers, shown once the session has closed.</summary>
    public IReadOnlyList<Response> MyResponses { get; init; } = [];

    /// <summary>True when the answer form is shown (no answer yet, "Change my answer", or a refused post).</summary>
    public bool Editing { get; init; }

    public AnswerInput Input { get; init; } = new();

    public string? NotSavedReason { get; init; }

    public string? RefusedReason { get; init; }

    public string? NotSavedText { get; init; }

    public string? Withdrawn { get; init; }

    public string? Sorted { get; init; }

    /// <summary>The private address of this phone's take-away page, once the session has closed.</summary>
    public string? TakeawayUrl { get; init; }

    public IReadOnlyList<SortCard> MyCards { get; init; } = [];

    public IReadOnlyList<Theme> SortThemes { get; init; } = [];

    /// <summary>A vote step whose ballot the facilitator has not opened yet: nothing to answer for now.</summary>
    public bool WaitingForBallot => WaitsForBallot(Session, Prompt, Step);

    /// <summary>Whether <paramref name="step"/> is a vote whose ballot the facilitator has not opened yet.</summary>
    public static bool WaitsForBallot(Session session, Prompt? prompt, int step) =>
        prompt is { Kind: PromptKind.Vote } && !session.IsBallotOpen(step);

    /// <summary>
    /// Whether the room's view can stand for every phone that has not answered the room's step: a facilitated
    /// session that is running and not sorting cards (while the room sorts, each phone shows its own cards).
    /// </summary>
    public static bool CanShare(Session session) =>
        session is { State: SessionState.Running, IsSelfPaced: false, SortingStep: null };

    /// <summary>The room's step as a phone that has not answered it sees it, in the language of <paramref name="prompt"/>.</summary>
    public static PhoneView ForRoom(Session session, Prompt prompt, StepContext? context)
    {
        var view = new PhoneView(session, prompt, session.CurrentStep, context)
        {
            IsShared = true,
            Input = AnswerInput.From(prompt, session.CurrentStep, null),
        };
        return view with { Editing = prompt.TakesAnswers && !view.WaitingForBallot && !session.AnswersLocked };
    }
}
