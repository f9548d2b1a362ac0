using System.Collections.ObjectModel;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>An activity in several languages: one structure, the words of each language (issue #6).</summary>
public sealed partial record Activity
{
    /// <summary>
    /// The activity's words in languages other than <see cref="Language"/>, by language code. Empty for
    /// an activity in one language, and for session snapshots stored before translations existed.
    /// </summary>
    public IReadOnlyDictionary<string, ActivityText> Translations { get; init; } = ReadOnlyDictionary<string, ActivityText>.Empty;

    /// <summary>Every language the activity speaks, its own <see cref="Language"/> first.</summary>
    public IReadOnlyList<string> Languages => [Language, .. Translations.Keys];

    /// <summary>
    /// The activity as someone reading <paramref name="language"/> sees it: the same steps with that
    /// language's words. "es-MX" finds "es" (and "es" finds "es-MX"); a language the activity does not
    /// speak gets the activity in its own language. The result keeps every other language as a
    /// translation, so <c>In("es").In("en")</c> is the activity again.
    /// </summary>
    public Activity In(string? language)
    {
        var chosen = Closest(language);
        if (chosen is null || chosen == Language || !Translations.TryGetValue(chosen, out var text))
        {
            return this;
        }

        var others = new Dictionary<string, ActivityText>(StringComparer.Ordinal) { [Language] = ActivityText.Of(this) };
        foreach (var (code, translation) in Translations.Where(t => t.Key != chosen))
        {
            others[code] = translation;
        }

        return this with
        {
            Language = chosen,
            Title = text.Title,
            Purpose = text.Purpose,
            Prompts = Prompts.Select((prompt, step) => step < text.Prompts.Count ? text.Prompts[step].On(prompt) : prompt).ToList(),
            Translations = others,
        };
    }

    /// <summary>
    /// This activity (as edited in one language) with the translations of <paramref name="previous"/> that still fit:
    /// all of them when the steps kept their kinds, order and numbers of options, items and scale labels, none
    /// otherwise (a translation's words follow the steps by position, so they would land on the wrong step).
    /// </summary>
    public Activity KeepingTranslationsOf(Activity previous)
    {
        var others = previous.Translations.Where(t => t.Key != Language).ToList();
        if (previous.Language != Language)
        {
            others.Add(new(previous.Language, ActivityText.Of(previous)));
        }

        return SameShape(previous) && others.Count > 0
            ? this with { Translations = others.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal) }
            : this;
    }

    private bool SameShape(Activity other) =>
        Prompts.Count == other.Prompts.Count
        && Prompts.Zip(other.Prompts).All(p =>
            p.First.Kind == p.Second.Kind
            && p.First.Options.Count == p.Second.Options.Count
            && p.First.Items.Count == p.Second.Items.Count
            && p.First.Scale.Count == p.Second.Scale.Count);

    private string? Closest(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var languages = Languages;
        var neutral = Neutral(language);
        return languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase))
            ?? languages.FirstOrDefault(l => string.Equals(l, neutral, StringComparison.OrdinalIgnoreCase))
            ?? languages.FirstOrDefault(l => string.Equals(Neutral(l), neutral, StringComparison.OrdinalIgnoreCase));
    }

    private static string Neutral(string language) => language.Split('-', '_')[0].Trim();
}
