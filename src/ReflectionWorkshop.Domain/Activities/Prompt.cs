namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// One step of an activity. Immutable: a session keeps the prompts it ran as a snapshot,
/// so editing an activity later never rewrites what a past session asked.
/// Only the settings of <see cref="Kind"/> are meaningful; the parser fills the rest with defaults.
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
    public string ItemLabel { get; init; } = "Item";

    /// <summary>Compare prompts: the label of the first side.</summary>
    public string LeftLabel { get; init; } = "";

    /// <summary>Compare prompts: the label of the second side.</summary>
    public string RightLabel { get; init; } = "";

    /// <summary>Rating prompts: the labels of the scale, lowest first; value 1 is the first label.</summary>
    public IReadOnlyList<string> Scale { get; init; } = [];

    /// <summary>Rating prompts: the things being rated.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Choice prompts: the options offered.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Choice prompts: whether several options may be picked.</summary>
    public bool Multiple { get; init; }

    public bool TakesAnswers => Kind != PromptKind.Info;
}
