namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// The words a room used most, for the projector's word view: lower-cased, common English and Spanish
/// function words left out, counted once per answer so one long answer cannot dominate.
/// </summary>
public static class WordFrequency
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "but", "by",
        "can", "could", "did", "do", "does", "each", "for", "from", "get", "got", "had", "has", "have", "he", "her", "his",
        "how", "i", "if", "in", "into", "is", "it", "its", "just", "like", "me", "more", "most", "my", "no", "not", "of",
        "on", "one", "or", "other", "our", "out", "she", "so", "some", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "to", "too", "up", "us", "was", "we", "were", "what", "when", "where", "which",
        "who", "will", "with", "would", "you", "your", "very", "really", "much", "many", "own", "it's", "i'm", "we're",
        "de", "la", "el", "en", "y", "que", "los", "las", "un", "una", "por", "con", "para", "es", "se", "del", "al", "lo",
    };

    public static IReadOnlyList<(string Word, int Count)> Top(IEnumerable<string> answers, int count) =>
        answers
            .SelectMany(answer => Words(answer).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(word => word, StringComparer.OrdinalIgnoreCase)
            .Select(group => (Word: group.Key.ToLowerInvariant(), Count: group.Count()))
            .Where(entry => entry.Count > 1)
            .OrderByDescending(entry => entry.Count)
            .ThenBy(entry => entry.Word, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    private static IEnumerable<string> Words(string text) =>
        text.Split(
                [' ', '\n', '\t', '.', ',', ';', ':', '!', '?', '"', '(', ')', '[', ']', '/', '—', '–', '“', '”', '¿', '¡'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => word.Trim('\'', '-', '’'))
            .Where(word => word.Length > 2 && !StopWords.Contains(word) && !word.All(char.IsDigit));
}
