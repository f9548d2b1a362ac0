namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary>
/// The registry of step kinds: one <see cref="KindModule"/> per <see cref="PromptKind"/>, in the order
/// the editor offers them. A new kind is a value of <see cref="PromptKind"/>, a folder beside these with
/// its module, and one line here (and its folder in <c>Web/Participation/Kinds</c>).
/// </summary>
public static class PromptKinds
{
    public static IReadOnlyList<KindModule> All { get; } =
    [
        new TextKind(),
        new ListKind(),
        new CompareKind(),
        new RatingKind(),
        new ChoiceKind(),
        new InfoKind(),
        new VoteKind(),
    ];

    private static readonly Dictionary<PromptKind, KindModule> ByKind = All.ToDictionary(k => k.Kind);

    public static KindModule Of(PromptKind kind) =>
        ByKind.TryGetValue(kind, out var module) ? module : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No module for this kind.");

    /// <summary>The kind written <paramref name="name"/> in a step heading (any case), or null.</summary>
    public static KindModule? Named(string name) =>
        All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));
}
