namespace ReflectionWorkshop.Suggestions.Text;

/// <summary>
/// Names a draft theme the way a facilitator would from its cards: the most central short member (the card most like
/// the others, at most <see cref="MaxWords"/> words and <see cref="MaxLength"/> characters, with at least one content
/// word), tidied ("we trusted each other." → "We trusted each other"); failing that, the content words most members
/// share; failing that, the most central member cut at a word boundary. Only members written in the theme's majority
/// language are read (the room's language on a tie), so a theme is named in its members' language. A name is never a
/// lone stop word: every candidate must hold a content word (Lucene's English and Snowball stop lists; Lucene's Spanish
/// list, with accents and without).
/// </summary>
internal static class ThemeNamer
{
    public const int MaxWords = 6;
    public const int MaxLength = 40;

    /// <param name="members">The members' texts.</param>
    /// <param name="languages">The language each member is written in ("en" or "es").</param>
    /// <param name="centrality">How like the other members each member is (higher is more central).</param>
    /// <param name="roomLanguage">The room's language, for a tie between languages.</param>
    public static string Name(IReadOnlyList<string> members, IReadOnlyList<string> languages, IReadOnlyList<double> centrality, string roomLanguage)
    {
        var language = languages
            .GroupBy(l => l)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key == roomLanguage ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        var tokenizer = language == AnswerLanguage.Spanish ? AnswerTokenizer.Spanish : AnswerTokenizer.English;
        var candidates = Enumerable.Range(0, members.Count)
            .Where(i => languages[i] == language)
            .OrderByDescending(i => centrality[i])
            .ThenBy(i => members[i].Length)
            .ThenBy(i => members[i], StringComparer.Ordinal)
            .Select(i => (Text: Tidy(members[i]), Tokens: tokenizer.Tokenize(members[i])))
            .Where(c => c.Text.Length > 0)
            .ToList();

        foreach (var (text, tokens) in candidates)
        {
            if (tokens.Count <= MaxWords && text.Length <= MaxLength && tokens.Any(t => !t.IsStop))
            {
                return text;
            }
        }

        // Long answers only: the content words most members share (by stem), in their most common spelling.
        var shared = candidates
            .SelectMany(c => c.Tokens.Where(t => !t.IsStop).Select(t => (Stem: tokenizer.Stem(t.Text), t.Text)).DistinctBy(t => t.Stem))
            .GroupBy(t => t.Stem)
            .Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(2)
            .Select(g => g.GroupBy(t => t.Text).OrderByDescending(f => f.Count()).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key)
            .ToList();
        if (shared.Count > 0)
        {
            return Capitalise(string.Join(", ", shared));
        }
        var first = candidates.FirstOrDefault(c => c.Tokens.Any(t => !t.IsStop)).Text ?? candidates.FirstOrDefault().Text ?? "";
        return Shorten(first);
    }

    /// <summary>Whitespace collapsed, trailing punctuation dropped, first letter upper-case.</summary>
    internal static string Tidy(string answer)
    {
        var text = string.Join(' ', answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = text.TrimEnd('.', '!', ',', ';', ':', '-', '…', ' ');
        return Capitalise(text);
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return (cut > 0 ? text[..cut] : text[..(MaxLength - 1)]).TrimEnd(',', ';', ':', ' ') + "…";
    }
}
