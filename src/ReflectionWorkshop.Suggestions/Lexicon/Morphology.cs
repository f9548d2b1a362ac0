namespace ReflectionWorkshop.Suggestions.Lexicon;

/// <summary>
/// Base forms of an inflected English word, found with WordNet's detachment rules (as the <c>morphy</c> manual
/// page describes them): a rule's ending is swapped and the result kept only if WordNet knows it in that part of
/// speech. The exception lists are not shipped by the npm package, so irregular forms fall back to the word itself.
/// </summary>
internal static class Morphology
{
    private static readonly (string Suffix, string Ending)[][] Rules =
    [
        // noun
        [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        // verb
        [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")],
        // adjective
        [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        // adverb
        [],
    ];

    /// <summary>The base forms WordNet knows for <paramref name="word"/> in <paramref name="pos"/>, the word itself first.</summary>
    public static List<string> BaseForms(WordNet wordNet, string word, WordPos pos)
    {
        var forms = new List<string>(2);
        if (wordNet.Contains(word, pos))
        {
            forms.Add(word);
        }
        foreach (var (suffix, ending) in Rules[(int)pos])
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var candidate = word[..^suffix.Length] + ending;
                if (!forms.Contains(candidate) && wordNet.Contains(candidate, pos))
                {
                    forms.Add(candidate);
                }
            }
        }
        // A doubled final consonant before -ed / -ing ("planned", "stopping").
        if (pos == WordPos.Verb && forms.Count == 0)
        {
            foreach (var suffix in (string[])["ed", "ing"])
            {
                if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
                {
                    var stem = word[..^suffix.Length];
                    if (stem[^1] == stem[^2] && wordNet.Contains(stem[..^1], pos))
                    {
                        forms.Add(stem[..^1]);
                    }
                }
            }
        }
        return forms;
    }
}
