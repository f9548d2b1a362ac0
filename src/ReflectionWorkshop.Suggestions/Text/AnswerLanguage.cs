namespace ReflectionWorkshop.Suggestions.Text;

/// <summary>
/// Guesses whether one answer is English or Spanish, so that a bilingual room's answers are each analysed in their own
/// language (docs/decisions/ADR-010-spanish-and-mixed-rooms.md). Small and deterministic, on purpose: answers are a few
/// words, and a statistical language identifier is unreliable on that little text anyway. The evidence, in order:
/// <list type="number">
/// <item>stop words found in only one of the two languages' lists ("the", "of", "my" against "de", "que", "los"), plus
/// one vote for Spanish per word carrying an accent or ñ and for an opening ¿ or ¡;</item>
/// <item>on a tie (often a one- or two-word answer such as "Trust" or "confianza"), the room's language.</item>
/// </list>
/// </summary>
internal static class AnswerLanguage
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>The supported language a language tag stands for ("es-MX" → "es"); anything else is English.</summary>
    public static string Normalise(string? language) =>
        language is not null && language.StartsWith(Spanish, StringComparison.OrdinalIgnoreCase) ? Spanish : English;

    /// <param name="answer">The answer as typed.</param>
    /// <param name="roomLanguage">"en" or "es": the answer to give when the words say nothing either way.</param>
    public static string Guess(string answer, string roomLanguage)
    {
        var english = AnswerTokenizer.English;
        var spanish = AnswerTokenizer.Spanish;
        var words = spanish.Words(answer);
        int en = 0, es = 0;
        foreach (var word in words)
        {
            var inEnglish = english.IsStopWord(word);
            var inSpanish = spanish.IsStopWord(word);
            if (inEnglish && !inSpanish)
            {
                en++;
            }
            else if (inSpanish && !inEnglish)
            {
                es++;
            }
            if (AnswerTokenizer.FoldAccents(word) != word || word.Contains('ñ'))
            {
                es++;
            }
        }
        if (answer.Contains('¿') || answer.Contains('¡'))
        {
            es++;
        }
        if (en != es)
        {
            return en > es ? English : Spanish;
        }
        return Normalise(roomLanguage);
    }
}
