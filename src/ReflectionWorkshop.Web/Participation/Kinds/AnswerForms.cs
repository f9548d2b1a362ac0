using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary>The registry of the web's halves of the kinds, one <see cref="AnswerForm"/> per <see cref="PromptKind"/> (the domain's registry is <c>PromptKinds</c>).</summary>
public static class AnswerForms
{
    public static IReadOnlyList<AnswerForm> All { get; } =
    [
        new TextForm(),
        new ListForm(),
        new CompareForm(),
        new RatingForm(),
        new ChoiceForm(),
        new InfoForm(),
        new VoteForm(),
    ];

    private static readonly Dictionary<PromptKind, AnswerForm> ByKind = All.ToDictionary(f => f.Kind);

    public static AnswerForm Of(PromptKind kind) =>
        ByKind.TryGetValue(kind, out var form) ? form : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No answer form for this kind.");
}
