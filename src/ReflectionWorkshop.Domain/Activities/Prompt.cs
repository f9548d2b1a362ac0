using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// One step of an activity. Immutable: a session keeps the prompts it ran as a snapshot,
/// so editing an activity later never rewrites what a past session asked.
/// Only the settings of <see cref="Kind"/> are meaningful; the parser fills the rest with defaults.
/// What each kind takes and checks lives in its module (<see cref="PromptKinds"/>).
/// </summary>
public sealed record Prompt
{
    public required PromptKind Kind { get; init; }

    /// <summary>The question as a participant reads it on the phone.</summary>
    public required string Title { get; init; }

    /// <summary>Optional context, in Markdown (rendered without raw HTML).</summary>
    public string Body { get; init; } = "";

    /// <summary>Text prompts: the longest answer accepted.</summary>
    public int MaxLength { get; init; } = AnswerLimits.TextMaxLength;

    /// <summary>List prompts: how many items must be filled in.</summary>
    public int MinItems { get; init; } = 1;

    /// <summary>List prompts: how many fields the phone shows.</summary>
    public int MaxItems { get; init; } = 1;

    /// <summary>List prompts: the word before the number on each field ("Characteristic 1").</summary>
    public string ItemLabel { get; init; } = DefaultItemLabel;

    /// <summary>
    /// List prompts: the items are actions the room commits to (<c>actions: yes</c>), so the summary lists
    /// every one. False in snapshots stored before the setting existed.
    /// </summary>
    public bool HoldsActions { get; init; }

    /// <summary>Compare prompts: the label of the first side.</summary>
    public string LeftLabel { get; init; } = "";

    /// <summary>Compare prompts: the label of the second side.</summary>
    public string RightLabel { get; init; } = "";

    /// <summary>Rating prompts: the labels of the scale, lowest first; value 1 is the first label.</summary>
    public IReadOnlyList<string> Scale { get; init; } = [];

    /// <summary>Rating prompts: the things being rated.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Choice prompts: the options offered. Vote prompts: the themes on the ballot, once it opens (see <c>Session.PromptAt</c>).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Choice prompts: whether several options may be picked.</summary>
    public bool Multiple { get; init; }

    /// <summary>
    /// Rating prompts: results stay hidden until at least this many people answered, so no one's
    /// scores can be worked out from a small count.
    /// </summary>
    public int AnonymityFloor { get; init; } = DefaultAnonymityFloor;

    /// <summary>Vote prompts: the zero-based step whose themes are voted on (an earlier text, list or compare step).</summary>
    public int? ThemesFrom { get; init; }

    /// <summary>Vote prompts: how many dots each person spends; several may go on one theme.</summary>
    public int Dots { get; init; } = DefaultDots;

    /// <summary>
    /// Any prompt: the zero-based earlier step whose top themes (or, for a vote step, its top-voted
    /// themes) are shown as context with this prompt; null when it shows none.
    /// </summary>
    public int? ContextFrom { get; init; }

    /// <summary>How many of the earlier step's themes are shown as context.</summary>
    public int ContextTop { get; init; } = DefaultContextTop;

    /// <summary>Any prompt: the timer length, in minutes, the control page offers first at this step; null for the usual default.</summary>
    public int? TimerMinutes { get; init; }

    /// <summary>Any prompt that takes answers: when the projector shows the room's answers (see <see cref="RevealRule"/>).</summary>
    public RevealRule Reveal { get; init; } = RevealRule.Manual;

    public const int DefaultAnonymityFloor = 3;
    public const int DefaultDots = 3;
    public const int DefaultContextTop = 3;
    public const string DefaultItemLabel = "Item";

    public bool TakesAnswers => PromptKinds.Of(Kind).TakesAnswers;

    /// <summary>Whether the facilitator can sort this prompt's answers into themes (free-text kinds).</summary>
    public bool CanBeThemed => PromptKinds.Of(Kind).HasThemes;
}
