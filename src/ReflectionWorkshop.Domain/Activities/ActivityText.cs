namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// The words of an activity in one more language: what people read, never how the steps run. The
/// structure (kinds, counts, limits, dots, step references) lives once, in the activity, so every
/// language runs the same steps and answers from a mixed room are stored and tallied by the same
/// slots (issue #6).
/// </summary>
public sealed record ActivityText
{
    public required string Title { get; init; }

    public required string Purpose { get; init; }

    /// <summary>One per step of the activity, in the same order.</summary>
    public required IReadOnlyList<PromptText> Prompts { get; init; }

    /// <summary>The words of <paramref name="activity"/> as it stands, in its own language.</summary>
    public static ActivityText Of(Activity activity) => new()
    {
        Title = activity.Title,
        Purpose = activity.Purpose,
        Prompts = activity.Prompts.Select(PromptText.Of).ToList(),
    };
}

/// <summary>
/// The words of one step in one language. Only the texts of the step's kind are kept: a vote's
/// options are the ballot's themes, named by the facilitator, so they are never translated here.
/// </summary>
public sealed record PromptText
{
    public required string Title { get; init; }

    public string Body { get; init; } = "";

    /// <summary>List steps only.</summary>
    public string ItemLabel { get; init; } = "";

    /// <summary>Compare steps only.</summary>
    public string LeftLabel { get; init; } = "";

    /// <summary>Compare steps only.</summary>
    public string RightLabel { get; init; } = "";

    /// <summary>Rating steps only: one label per point of the scale, lowest first.</summary>
    public IReadOnlyList<string> Scale { get; init; } = [];

    /// <summary>Rating steps only: one per rated item, in the same order.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Choice steps only: one per option, in the same order.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public static PromptText Of(Prompt prompt) => new()
    {
        Title = prompt.Title,
        Body = prompt.Body,
        ItemLabel = prompt.Kind == PromptKind.List ? prompt.ItemLabel : "",
        LeftLabel = prompt.Kind == PromptKind.Compare ? prompt.LeftLabel : "",
        RightLabel = prompt.Kind == PromptKind.Compare ? prompt.RightLabel : "",
        Scale = prompt.Kind == PromptKind.Rating ? prompt.Scale : [],
        Items = prompt.Kind == PromptKind.Rating ? prompt.Items : [],
        Options = prompt.Kind == PromptKind.Choice ? prompt.Options : [],
    };

    /// <summary>
    /// <paramref name="prompt"/> with these words. A list that does not match the prompt's count is
    /// left as it was: answers point at slots, so a slot must mean the same thing in every language.
    /// </summary>
    public Prompt On(Prompt prompt)
    {
        var translated = prompt with { Title = Title, Body = Body };
        return prompt.Kind switch
        {
            PromptKind.List when ItemLabel.Length > 0 => translated with { ItemLabel = ItemLabel },
            PromptKind.Compare => translated with
            {
                LeftLabel = LeftLabel.Length > 0 ? LeftLabel : prompt.LeftLabel,
                RightLabel = RightLabel.Length > 0 ? RightLabel : prompt.RightLabel,
            },
            PromptKind.Rating => translated with
            {
                Scale = Scale.Count == prompt.Scale.Count ? Scale : prompt.Scale,
                Items = Items.Count == prompt.Items.Count ? Items : prompt.Items,
            },
            PromptKind.Choice when Options.Count == prompt.Options.Count => translated with { Options = Options },
            _ => translated,
        };
    }
}
