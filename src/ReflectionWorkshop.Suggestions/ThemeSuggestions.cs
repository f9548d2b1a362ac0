namespace ReflectionWorkshop.Suggestions;

/// <summary>One suggested (draft) theme: a short name for the facilitator and the answers in it.</summary>
/// <param name="Label">A short phrase drawn from the members' own words, e.g. "clear roles".</param>
/// <param name="Members">Indices into the list of answers given to the suggester, ascending.</param>
public sealed record SuggestedTheme(string Label, IReadOnlyList<int> Members);

/// <summary>The suggester's answer: draft themes (largest first) and the answers that fit none of them.</summary>
public sealed record ThemeSuggestions(IReadOnlyList<SuggestedTheme> Themes, IReadOnlyList<int> Unthemed);

/// <summary>A theme the facilitator named, with the answers a person already placed in it (its examples).</summary>
public sealed record NamedTheme(string Name, IReadOnlyList<string> Examples);

/// <summary>
/// Where one card most likely belongs: indices into the named themes, likeliest first (at most three), and
/// whether the engine is confident enough to pre-place it in the first.
/// </summary>
public sealed record Placement(IReadOnlyList<int> Ranked, bool Confident);

/// <summary>How much one call handles; the board says so plainly when a step has more.</summary>
public static class SuggestionLimits
{
    /// <summary>The most answers one call to <see cref="IThemeSuggester"/> reads; callers pass at most this many.</summary>
    public const int MaxAnswers = 500;
}

/// <summary>Drafts themes from short answers and places answers under named themes.</summary>
public interface IThemeSuggester
{
    /// <summary>
    /// Drafts themes (groups of three or more). Deterministic: the same set of answers gives the same grouping
    /// whatever their order (up to index renumbering). Every index appears exactly once, in one theme or in
    /// <see cref="ThemeSuggestions.Unthemed"/>. At most <see cref="SuggestionLimits.MaxAnswers"/> answers.
    /// </summary>
    /// <param name="answers">The answers, as typed.</param>
    /// <param name="language">The room's language, "en" or "es" (a tag such as "es-MX" counts as "es"; others as "en").</param>
    /// <param name="cancellationToken">Stops the work between batches (the caller's time limit).</param>
    ThemeSuggestions Suggest(IReadOnlyList<string> answers, string language = "en", CancellationToken cancellationToken = default);

    /// <summary>
    /// Ranks the named themes for each card. One result per card, in the cards' order; deterministic.
    /// At most <see cref="SuggestionLimits.MaxAnswers"/> cards. With no themes every card gets an empty ranking.
    /// </summary>
    IReadOnlyList<Placement> Place(IReadOnlyList<string> cards, IReadOnlyList<NamedTheme> themes, string language = "en", CancellationToken cancellationToken = default);

    /// <summary>Loads what the engine needs now (called in the background after start), so the first click is not slow.</summary>
    void WarmUp();
}
