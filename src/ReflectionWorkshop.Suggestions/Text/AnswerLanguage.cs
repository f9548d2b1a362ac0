namespace ReflectionWorkshop.Suggestions.Text;

/// <summary>
/// Guesses whether one answer is English or Spanish, so that a bilingual room's answers are each analysed in their own
/// language (docs/decisions/ADR-010-spanish-and-mixed-rooms.md). Small and deterministic, on purpose: answers are a few
/// words, and a statistical language identifier is unreliable on that little text anyway. The evidence, in order:
/// <list type="number">
/// <item>stop words found in only one of the two languages' lists ("the", "of", "my" against "de", "que", "los"), plus
/// one vote for Spanish per word carrying an accent or ñ and for an opening ¿ or ¡;</item>
/// <item>on a tie (often a one- or two-word answer such as "Trust" or "confianza"), the content words: one that the
/// English lexicon (WordNet) knows and that could not be a Spanish word ("trust", "feedback") votes English, one that it
/// does not know and that could be Spanish ("confianza") votes Spanish; the rest ("claros": WordNet has a cigar of that
/// name; "gatekeeping": jargon it lacks) say nothing;</item>
/// <item>still tied, the room's language.</item>
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
    /// <param name="isEnglishWord">Whether the English lexicon knows a word (in any inflection); null to skip that step.</param>
    public static string Guess(string answer, string roomLanguage, Func<string, bool>? isEnglishWord = null)
    {
        var english = AnswerTokenizer.English;
        var spanish = AnswerTokenizer.Spanish;
        var words = spanish.Words(answer);
        int en = 0, es = 0;
        var content = new List<string>();
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
            else if (!inEnglish && word.Length > 1 && !word.All(char.IsDigit))
            {
                content.Add(word);
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
        if (isEnglishWord is not null && content.Count > 0)
        {
            var known = content.Count(w => isEnglishWord(w) && !CouldBeSpanish(w));
            var unknown = content.Count(w => !isEnglishWord(w) && CouldBeSpanish(w));
            if (known != unknown)
            {
                return known > unknown ? English : Spanish;
            }
        }
        return Normalise(roomLanguage);
    }

    /// <summary>
    /// Whether a word is spelled as a Spanish word can be: Spanish letters only (no k or w), none of the letter pairs
    /// Spanish spelling lacks (th, sh, ph, ck, ee, oo), no English -ing/-ed/-ness/-ship ending, and a Spanish ending:
    /// a vowel, one of d, l, n, r, s, z, or y after a vowel (hoy, muy).
    /// </summary>
    internal static bool CouldBeSpanish(string word)
    {
        if (word.Length == 0 || word.Any(c => c is not (>= 'a' and <= 'z' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'ü' or 'ñ') || c is 'k' or 'w'))
        {
            return false;
        }
        string[] foreignPairs = ["th", "sh", "ph", "ck", "ee", "oo"];
        for (var i = 1; i + 1 < word.Length; i++)
        {
            // Spanish writes y next to a vowel (ayuda, mayor); English also between consonants (psychology, system).
            if (word[i] == 'y' && !IsVowel(word[i - 1]) && !IsVowel(word[i + 1]))
            {
                return false;
            }
        }
        string[] foreignEndings = ["ing", "ed", "ness", "ship"];
        if (foreignPairs.Any(p => word.Contains(p, StringComparison.Ordinal)) || foreignEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal)))
        {
            return false;
        }
        return word[^1] switch
        {
            'd' or 'l' or 'n' or 'r' or 's' or 'z' => true,
            'y' => word.Length > 1 && IsVowel(word[^2]),
            var c => IsVowel(c),
        };
    }

    private static bool IsVowel(char c) => AnswerTokenizer.FoldAccents(c.ToString())[0] is 'a' or 'e' or 'i' or 'o' or 'u';
}
