using ReflectionWorkshop.Suggestions.Clustering;
using ReflectionWorkshop.Suggestions.Embeddings;
using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Suggestions;

/// <summary>
/// Drafts themes and places cards under named themes with sentence embeddings (all-MiniLM-L6-v2, see
/// <see cref="SentenceEmbedder"/>), offline and deterministically. Drafts: each answer's vector, centred on the call's
/// mean (what every answer shares, usually the prompt's topic, drops out; in a mixed room each language on its own
/// mean), cosine similarity, average-linkage clustering cut at a similarity scaled to the call's own spread of similarities; groups of three or more are drafts,
/// named by <see cref="ThemeNamer"/>. Placement: each card's similarity to a theme's name and to the centroid of the
/// cards a person already placed there, blended; confident when the best theme leads the second by a margin.
/// Spanish answers are embedded from their content words only (see ADR-007). Thread-safe; meant as a singleton. The
/// model is one per process, loaded by <see cref="WarmUp"/> or on first use.
/// </summary>
public sealed class ThemeSuggester : IThemeSuggester
{
    private readonly SuggesterOptions _options;

    public ThemeSuggester()
        : this(SuggesterOptions.Default)
    {
    }

    internal ThemeSuggester(SuggesterOptions options) => _options = options;

    /// <summary>How long the process-wide model took to load (loading it now if it is not loaded yet).</summary>
    public static TimeSpan ModelLoadTime => SentenceEmbedder.Shared.LoadTime;

    public void WarmUp() => _ = SentenceEmbedder.Shared;

    public ThemeSuggestions Suggest(IReadOnlyList<string> answers, string language = "en", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        CheckCount(answers.Count, nameof(answers));
        var n = answers.Count;
        if (n == 0)
        {
            return new ThemeSuggestions([], []);
        }

        // Work in a canonical order (by text), so the grouping does not depend on the order answers came in.
        var texts = answers.Select(a => a ?? "").ToArray();
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (x, y) =>
        {
            var c = string.CompareOrdinal(texts[x], texts[y]);
            return c != 0 ? c : x.CompareTo(y);
        });
        var sorted = order.Select(i => texts[i]).ToArray();
        var room = AnswerLanguage.Normalise(language);
        var languages = sorted.Select(t => AnswerLanguage.Guess(t, room)).ToArray();

        var vectors = Vectors(sorted, languages, cancellationToken);
        CentrePerLanguage(vectors, languages);
        var similarity = Similarity(vectors, vectors);
        cancellationToken.ThrowIfCancellationRequested();
        var labels = n < 2 ? new int[n] : AverageLinkage.Cluster(similarity, Cut(similarity));

        var groups = Enumerable.Range(0, n).GroupBy(i => labels[i]).Select(g => g.ToList()).ToList();
        var themes = new List<SuggestedTheme>();
        var unthemed = new List<int>();
        foreach (var members in groups)
        {
            if (members.Count < _options.MinThemeSize)
            {
                unthemed.AddRange(members.Select(m => order[m]));
                continue;
            }
            var label = ThemeNamer.Name(members.Select(m => sorted[m]).ToList(), members.Select(m => languages[m]).ToList(), Centrality(similarity, members), room);
            themes.Add(new SuggestedTheme(label, members.Select(m => order[m]).Order().ToArray()));
        }
        themes.Sort((a, b) =>
        {
            var c = b.Members.Count.CompareTo(a.Members.Count);
            if (c != 0)
            {
                return c;
            }
            c = string.CompareOrdinal(a.Label, b.Label);
            return c != 0 ? c : a.Members[0].CompareTo(b.Members[0]);
        });
        unthemed.Sort();
        return new ThemeSuggestions(themes, unthemed);
    }

    public IReadOnlyList<Placement> Place(IReadOnlyList<string> cards, IReadOnlyList<NamedTheme> themes, string language = "en", CancellationToken cancellationToken = default)
    {
        var scores = Score(cards, themes, language, cancellationToken);
        var needed = themes.Any(t => t.Examples.Count > 0) ? _options.ConfidentMargin : _options.ConfidentMarginNamesOnly;
        return scores.Select(row =>
        {
            if (row.Length == 0)
            {
                return new Placement([], false);
            }
            var ranked = Enumerable.Range(0, row.Length).OrderByDescending(t => row[t]).ThenBy(t => t).ToArray();
            var margin = ranked.Length > 1 ? row[ranked[0]] - row[ranked[1]] : double.PositiveInfinity;
            return new Placement(ranked.Take(3).ToArray(), margin >= needed);
        }).ToList();
    }

    /// <summary>Each card's score for each theme (higher is likelier), as <see cref="Place"/> ranks them.</summary>
    internal double[][] Score(IReadOnlyList<string> cards, IReadOnlyList<NamedTheme> themes, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(themes);
        CheckCount(cards.Count, nameof(cards));
        CheckCount(themes.Sum(t => t.Examples.Count), nameof(themes));
        if (themes.Count == 0 || cards.Count == 0)
        {
            return cards.Select(_ => Array.Empty<double>()).ToArray();
        }
        var room = AnswerLanguage.Normalise(language);
        var cardTexts = cards.Select(c => c ?? "").ToArray();
        var cardLanguages = cardTexts.Select(t => AnswerLanguage.Guess(t, room)).ToArray();
        var cardVectors = Vectors(cardTexts, cardLanguages, cancellationToken);
        var names = themes.Select(t => t.Name ?? "").ToArray();
        var nameVectors = Vectors(names, names.Select(t => AnswerLanguage.Guess(t, room)).ToArray(), cancellationToken);
        var exampleTexts = themes.SelectMany(t => t.Examples).Select(e => e ?? "").ToArray();
        var exampleLanguages = exampleTexts.Select(e => AnswerLanguage.Guess(e, room)).ToArray();
        var exampleVectors = Vectors(exampleTexts, exampleLanguages, cancellationToken);
        if (_options.PlaceCentre)
        {
            // What every card of the step shares (the prompt's topic) says nothing about which theme a card is in:
            // cards and examples are centred on their common mean (per language, see CentrePerLanguage), names on theirs.
            CentrePerLanguage([.. cardVectors, .. exampleVectors], [.. cardLanguages, .. exampleLanguages]);
            if (names.Length > 1)
            {
                Centre(nameVectors, Mean(nameVectors));
            }
        }
        var centroids = new float[]?[themes.Count];
        var next = 0;
        for (var t = 0; t < themes.Count; t++)
        {
            var count = themes[t].Examples.Count;
            if (count > 0)
            {
                centroids[t] = Unit(Mean(exampleVectors[next..(next + count)]));
            }
            next += count;
        }
        var anyExamples = centroids.Any(c => c is not null);
        var scores = Blend(cardVectors, nameVectors, centroids, anyExamples);
        return scores;
    }

    private double[][] Blend(float[][] cardVectors, float[][] nameVectors, float[]?[] centroids, bool anyExamples) =>
        cardVectors.Select(card =>
        {
            var toName = nameVectors.Select(n => (double)Dot(card, n)).ToArray();
            if (!anyExamples)
            {
                return toName;
            }
            var toExamples = centroids.Select((c, t) => c is null ? toName[t] : Dot(card, c)).ToArray();
            if (_options.PlaceStandardise)
            {
                toName = Standardise(toName);
                toExamples = Standardise(toExamples);
            }
            return toName.Select((v, t) => (_options.NameWeight * v) + ((1 - _options.NameWeight) * toExamples[t])).ToArray();
        }).ToArray();

    /// <summary>Scores as z-scores over the themes (so that two kinds of evidence on different scales can be blended).</summary>
    private static double[] Standardise(double[] scores)
    {
        if (scores.Length < 2)
        {
            return scores;
        }
        var mean = scores.Average();
        var sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / scores.Length);
        return scores.Select(x => sd > 0 ? (x - mean) / sd : 0).ToArray();
    }

    private static void CheckCount(int count, string name)
    {
        if (count > SuggestionLimits.MaxAnswers)
        {
            throw new ArgumentOutOfRangeException(name, count, $"At most {SuggestionLimits.MaxAnswers} answers per call.");
        }
    }

    /// <summary>The text the model reads for an answer: as typed in English; content words only in Spanish.</summary>
    internal string ModelText(string answer, string language)
    {
        var trimmed = answer.Trim();
        if (language != AnswerLanguage.Spanish || !_options.SpanishContentWordsOnly)
        {
            return trimmed;
        }
        var content = AnswerTokenizer.Spanish.Tokenize(trimmed).Where(t => !t.IsStop).Select(t => t.Text).ToList();
        return content.Count == 0 ? "" : string.Join(' ', content);
    }

    private float[][] Vectors(string[] texts, string[] languages, CancellationToken cancellationToken)
    {
        var model = texts.Select((t, i) => ModelText(t, languages[i])).ToArray();
        var vectors = SentenceEmbedder.Shared.Embed(model, cancellationToken);
        // Copies (the cache's vectors are shared). An answer with no content word (only stop words) links to nothing.
        return vectors.Select((v, i) => model[i].Length == 0 ? new float[v.Length] : (float[])v.Clone()).ToArray();
    }

    /// <summary>
    /// Centres answers on what they share. In a room with two languages the strongest direction the answers share is
    /// the language itself (an English sentence against Spanish content words), which would pull every Spanish card
    /// towards every other Spanish card and away from the English ones; so each language's answers are centred on
    /// their own mean, once that language has enough answers for a mean to say what they share
    /// (<see cref="SuggesterOptions.MinAnswersPerLanguageMean"/>); the rest are centred on the mean of all. With one
    /// language this is plain centring on the mean. The vectors are changed in place (they are the caller's copies).
    /// </summary>
    private void CentrePerLanguage(float[][] vectors, string[] languages)
    {
        var overall = Mean(vectors);
        var byLanguage = Enumerable.Range(0, vectors.Length).GroupBy(i => languages[i], StringComparer.Ordinal).ToList();
        foreach (var group in byLanguage)
        {
            var members = group.ToArray();
            var own = byLanguage.Count > 1 && members.Length >= _options.MinAnswersPerLanguageMean;
            var mean = own ? Mean(members.Select(i => vectors[i]).ToArray()) : overall;
            Centre(members.Select(i => vectors[i]).ToArray(), mean);
        }
    }

    private static void Centre(float[][] vectors, float[] mean)
    {
        foreach (var v in vectors)
        {
            var isZero = v.All(x => x == 0);
            if (isZero)
            {
                continue;
            }
            for (var d = 0; d < v.Length; d++)
            {
                v[d] -= mean[d];
            }
            var unit = Unit(v);
            Array.Copy(unit, v, v.Length);
        }
    }

    private static float[] Mean(float[][] vectors)
    {
        var mean = new float[vectors.Length == 0 ? 0 : vectors[0].Length];
        foreach (var v in vectors)
        {
            for (var d = 0; d < mean.Length; d++)
            {
                mean[d] += v[d] / vectors.Length;
            }
        }
        return mean;
    }

    private static float[] Unit(float[] vector)
    {
        double norm = 0;
        foreach (var x in vector)
        {
            norm += x * x;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        return vector.Select(x => x * scale).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        float sum = 0;
        for (var d = 0; d < a.Length; d++)
        {
            sum += a[d] * b[d];
        }
        return sum;
    }

    private static float[,] Similarity(float[][] a, float[][] b)
    {
        var result = new float[a.Length, b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                result[i, j] = Dot(a[i], b[j]);
            }
        }
        return result;
    }

    /// <summary>The similarity at which clustering stops: the call's mean pairwise similarity plus a number of its standard deviations.</summary>
    private float Cut(float[,] similarity)
    {
        var n = similarity.GetLength(0);
        double sum = 0, squares = 0;
        long count = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                sum += similarity[i, j];
                squares += similarity[i, j] * similarity[i, j];
                count++;
            }
        }
        var mean = sum / count;
        var sd = Math.Sqrt(Math.Max(0, (squares / count) - (mean * mean)));
        return (float)(mean + (_options.CutDeviations * sd));
    }

    private static double[] Centrality(float[,] similarity, List<int> members) =>
        members.Select(i => members.Where(j => j != i).Select(j => (double)similarity[i, j]).DefaultIfEmpty(0).Average()).ToArray();
}

/// <summary>The method's settings; the defaults are the shipped method (ADR-007 says how they were chosen).</summary>
internal sealed record SuggesterOptions
{
    public static readonly SuggesterOptions Default = new();

    /// <summary>Clustering stops below the call's mean pairwise similarity plus this many standard deviations.</summary>
    public double CutDeviations { get; init; } = 0.5;

    public int MinThemeSize { get; init; } = 3;

    /// <summary>Spanish answers are embedded from their content words (the model is English; stop words must not link).</summary>
    public bool SpanishContentWordsOnly { get; init; } = true;

    /// <summary>Placement: weight of the similarity to the theme's name against that to its examples' centroid.</summary>
    public double NameWeight { get; init; } = 0.65;

    /// <summary>Placement with examples: how far the best theme's score must lead the second's to pre-place the card.</summary>
    public double ConfidentMargin { get; init; } = 1.4;

    /// <summary>Placement: cards and examples centred on their mean, names on theirs.</summary>
    public bool PlaceCentre { get; init; } = true;

    /// <summary>Placement: name and example scores standardised over the themes before they are blended.</summary>
    public bool PlaceStandardise { get; init; } = true;

    /// <summary>
    /// Answers of one language are centred on their own language's mean when there are at least this many of them in
    /// the call (fewer: on the mean of all answers, since the mean of one or two answers is those answers).
    /// </summary>
    public int MinAnswersPerLanguageMean { get; init; } = 5;

    /// <summary>Placement with names only: the same margin.</summary>
    public double ConfidentMarginNamesOnly { get; init; } = 0.2;
}
