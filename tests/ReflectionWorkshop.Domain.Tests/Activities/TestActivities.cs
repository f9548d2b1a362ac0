using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>Prompts of every kind, and an activity that runs one of each in a known order.</summary>
internal static class TestActivities
{
    public const int TextStep = 0;
    public const int ListStep = 1;
    public const int CompareStep = 2;
    public const int RatingStep = 3;
    public const int ChoiceStep = 4;
    public const int MultipleChoiceStep = 5;
    public const int InfoStep = 6;
    public const int LastStep = InfoStep;

    public static Prompt Text(int maxLength = 100) => new()
    {
        Kind = PromptKind.Text,
        Title = "What did you learn today?",
        MaxLength = maxLength,
    };

    public static Prompt List(int minItems = 2, int maxItems = 3) => new()
    {
        Kind = PromptKind.List,
        Title = "Which actions will you take?",
        MinItems = minItems,
        MaxItems = maxItems,
        ItemLabel = "Action",
    };

    public static Prompt Compare() => new()
    {
        Kind = PromptKind.Compare,
        Title = "Think of two teams you have been part of.",
        LeftLabel = "Went well",
        RightLabel = "Struggled",
    };

    public static Prompt Rating() => new()
    {
        Kind = PromptKind.Rating,
        Title = "How is the team working?",
        Scale = ["Not yet", "Somewhat", "Fully"],
        Items = ["Trust", "Follow-through"],

        // The tally tests use two answers; the floor itself is pinned in VoteAndFloorTests.
        AnonymityFloor = 1,
    };

    public static Prompt Choice(bool multiple = false) => new()
    {
        Kind = PromptKind.Choice,
        Title = multiple ? "Which ways of meeting suit you?" : "How often should we meet?",
        Options = ["Weekly", "Monthly", "Termly"],
        Multiple = multiple,
    };

    public static Prompt Info() => new()
    {
        Kind = PromptKind.Info,
        Title = "Talk it over with a partner",
        Body = "Share your answers, then listen.",
    };

    /// <summary>Steps in the order of the constants above: text, list, compare, rating, choice, multiple choice, info.</summary>
    public static Activity OneOfEachKind() => new()
    {
        Id = "one-of-each",
        Title = "One of each",
        Purpose = "Exercise every kind of step.",
        Prompts = [Text(), List(), Compare(), Rating(), Choice(), Choice(multiple: true), Info()],
    };

    public static Activity WithoutSteps() => new()
    {
        Id = "empty",
        Title = "Empty",
        Purpose = "Has nothing to run.",
        Prompts = [],
    };
}
