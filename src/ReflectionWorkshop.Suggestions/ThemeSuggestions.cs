namespace ReflectionWorkshop.Suggestions;

/// <summary>One suggested theme: a short label for the facilitator and the answers in it.</summary>
/// <param name="Label">A short human label: one to three key words, e.g. "trust · reliable".</param>
/// <param name="Members">Indices into the list of answers given to the suggester, ascending.</param>
public sealed record SuggestedTheme(string Label, IReadOnlyList<int> Members);

/// <summary>The suggester's answer: themes (largest first) and the answers that fit none of them.</summary>
public sealed record ThemeSuggestions(IReadOnlyList<SuggestedTheme> Themes, IReadOnlyList<int> Unthemed);

/// <summary>Groups short answers into themes.</summary>
public interface IThemeSuggester
{
    /// <summary>
    /// Groups answers into themes. Deterministic: the same set of answers gives the same grouping whatever
    /// their order (up to index renumbering). Every index appears exactly once, in one theme or in
    /// <see cref="ThemeSuggestions.Unthemed"/>.
    /// </summary>
    /// <param name="answers">The answers, as typed.</param>
    /// <param name="language">
    /// The room's language, "en" or "es" (a tag such as "es-MX" counts as "es"; others as "en"). Each answer is still
    /// read in the language it appears to be written in, this one when its words do not say; a theme is labelled in the
    /// language most of its members wrote in.
    /// </param>
    ThemeSuggestions Suggest(IReadOnlyList<string> answers, string language = "en");
}
