using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Suggestions;

/// <summary>
/// The words a room used most, for the projector's word chart. Each answer is read in its own language (a bilingual
/// room mixes them), its stop words left out as the analysis library knows them (Lucene's and Snowball's lists), and a
/// word and its inflections counted once ("trust", "trusted", "trusting" are one word, shown in the form people wrote
/// most). Each answer counts a word once, so one long answer cannot dominate. Thread-safe.
/// </summary>
public static class WordCounts
{
    /// <param name="answers">The answers, as typed.</param>
    /// <param name="count">How many words at most; only words found in two answers or more are counted.</param>
    /// <param name="roomLanguage">The room's language, for answers whose words do not say which language they are in.</param>
    public static IReadOnlyList<(string Word, int Count)> Top(IEnumerable<string> answers, int count, string roomLanguage = "en") =>
        Top(answers.Select(answer => Read(answer, roomLanguage)), count);

    /// <summary>
    /// The words of one answer that can reach the chart: the slow part of <see cref="Top(IEnumerable{string}, int, string)"/>
    /// (its language, stop words and stems), which depends on nothing but the answer and the room's language, so a page
    /// that draws the chart again and again can keep it per answer.
    /// </summary>
    public static AnswerWords Read(string? answer, string roomLanguage = "en")
    {
        var language = AnswerLanguage.Guess(answer ?? "", AnswerLanguage.Normalise(roomLanguage));
        var tokenizer = language == AnswerLanguage.Spanish ? AnswerTokenizer.Spanish : AnswerTokenizer.English;
        var words = new List<(string Key, string Form)>();
        foreach (var token in tokenizer.Tokenize(answer ?? ""))
        {
            if (!token.IsStop && token.Text.Length >= 3 && !Filler.Contains(token.Text))
            {
                words.Add((language + ":" + tokenizer.Stem(token.Text), token.Text));
            }
        }

        return new AnswerWords(words);
    }

    /// <summary>The chart from answers already read with <see cref="Read"/>.</summary>
    public static IReadOnlyList<(string Word, int Count)> Top(IEnumerable<AnswerWords> answers, int count)
    {
        var answersWith = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            seen.Clear();
            foreach (var (key, text) in answer.Words)
            {
                var form = forms.TryGetValue(key, out var known) ? known : forms[key] = new Dictionary<string, int>(StringComparer.Ordinal);
                form[text] = form.GetValueOrDefault(text) + 1;
                if (seen.Add(key))
                {
                    answersWith[key] = answersWith.GetValueOrDefault(key) + 1;
                }
            }
        }

        return answersWith
            .Where(entry => entry.Value > 1)
            .Select(entry => (Word: MostUsed(forms[entry.Key]), Count: entry.Value))
            .OrderByDescending(entry => entry.Count)
            .ThenBy(entry => entry.Word, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    /// <summary>
    /// Words the stop lists keep (they carry meaning in a sentence) but that say nothing on a chart of the words a room
    /// used: how often, how many, how much, in either language, and their accent-less spellings.
    /// </summary>
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "every", "everyone", "everybody", "everything", "never", "always", "often", "sometimes", "usually", "also", "still",
        "even", "ever", "much", "many", "lot", "lots", "really", "thing", "things", "something", "anything", "nothing",
        "make", "made", "get", "got", "way", "well", "one", "two", "three", "four",
        "cada", "nunca", "siempre", "todo", "toda", "todos", "todas", "mucho", "mucha", "muchos", "muchas", "algo",
        "nada", "muy", "mas", "más", "tambien", "también", "vez", "veces", "cosa", "cosas", "hacer", "hay", "uno", "dos",
        "tres", "cuatro",
    };

    // The form people wrote most; on a tie the shortest, then the first in order, so the chart is the same every time.
    private static string MostUsed(Dictionary<string, int> forms) =>
        forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
}

/// <summary>
/// The words of one answer that count on the word chart, in order: each as its language and stem (the key the chart
/// counts by) and the form it was written in. Immutable.
/// </summary>
public sealed record AnswerWords(IReadOnlyList<(string Key, string Form)> Words);
