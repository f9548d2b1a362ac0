using ReflectionWorkshop.Suggestions.Lexicon;
using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Suggestions;

/// <summary>How answers in one language are read: its words and stems, and its lexicon if it has one.</summary>
internal sealed record LanguageAnalysis(string Language, AnswerTokenizer Tokenizer, WordExpander? Expander);

/// <summary>The answers of one call, analysed: their language, words, feature vectors and pairwise cosine similarity.</summary>
internal sealed record AnalysedAnswers(
    LanguageAnalysis[] Languages,
    string[][] ContentWords,
    SparseVector[] Vectors,
    Dictionary<int, int> DocumentFrequency,
    float[,] Similarity);

/// <summary>
/// Builds answer vectors: every content word (and every WordNet collocation such as "count on") is expanded into
/// concept features; features are weighted by inverse document frequency over the answers of this call, so what
/// many answers share (the prompt's own topic) counts little; answers are compared by cosine similarity.
/// Each answer is read in its own language; a language without a lexicon (Spanish) contributes its word stems only,
/// so answers in two languages meet only where they share a stem (a loanword such as "feedback" or "coaching").
/// </summary>
internal sealed class AnswerModel
{
    private readonly SuggesterOptions _options;

    public AnswerModel(SuggesterOptions options)
    {
        _options = options;
    }

    /// <param name="answers">The answers.</param>
    /// <param name="languages">How to read each answer (same length as <paramref name="answers"/>).</param>
    public AnalysedAnswers Analyse(IReadOnlyList<string> answers, IReadOnlyList<LanguageAnalysis> languages)
    {
        var n = answers.Count;
        var words = new string[n][];
        var raw = new Dictionary<int, float>[n];
        for (var i = 0; i < n; i++)
        {
            var language = languages[i];
            var units = Units(answers[i], language);
            words[i] = units.Where(u => !u.Contains('_')).ToArray();
            var vector = new Dictionary<int, float>();
            foreach (var unit in units)
            {
                var expanded = Expand(unit, language);
                var norm = 0f;
                foreach (var v in expanded.Values)
                {
                    norm += v * v;
                }
                if (norm <= 0)
                {
                    continue;
                }
                var scale = (language.Expander?.Informativeness(unit) ?? 1f) / MathF.Sqrt(norm);
                for (var k = 0; k < expanded.Keys.Length; k++)
                {
                    var key = expanded.Keys[k];
                    vector[key] = (vector.TryGetValue(key, out var old) ? old : 0f) + expanded.Values[k] * scale;
                }
            }
            raw[i] = vector;
        }

        var df = new Dictionary<int, int>();
        foreach (var vector in raw)
        {
            foreach (var key in vector.Keys)
            {
                df[key] = df.TryGetValue(key, out var c) ? c + 1 : 1;
            }
        }

        var vectors = new SparseVector[n];
        for (var i = 0; i < n; i++)
        {
            var weighted = new Dictionary<int, float>(raw[i].Count);
            foreach (var (key, value) in raw[i])
            {
                if (df[key] < _options.MinFeatureAnswers)
                {
                    continue;
                }
                var idf = MathF.Log((n + _options.IdfSmoothing) / (df[key] + _options.IdfSmoothing)) + 1e-3f;
                weighted[key] = value * idf;
            }
            vectors[i] = Normalise(Strongest(weighted, _options.MaxFeatures));
        }

        // Each row is independent, so rows are spread over the cores; the result does not depend on the split.
        var similarity = new float[n, n];
        Parallel.For(0, n, i =>
        {
            similarity[i, i] = 1f;
            for (var j = i + 1; j < n; j++)
            {
                var s = Dot(vectors[i], vectors[j]);
                similarity[i, j] = s;
                similarity[j, i] = s;
            }
        });
        var floor = _options.MinCosine;
        if (_options.Standardise && n > 2)
        {
            similarity = Standardise(similarity, floor);
        }
        return new AnalysedAnswers(languages.ToArray(), words, vectors, df, similarity);
    }

    /// <summary>
    /// A short label in the language most members wrote in (the room's language on a tie): the one to three words
    /// those members share (as typed), else the concept they share (English only: the lexicon is English).
    /// </summary>
    public string Label(AnalysedAnswers analysed, IReadOnlyList<int> allMembers, string roomLanguage)
    {
        var language = analysed.Languages[allMembers
            .GroupBy(m => analysed.Languages[m].Language)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key == roomLanguage ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First()
            .First()];
        var members = allMembers.Where(m => analysed.Languages[m].Language == language.Language).ToList();
        var tokenizer = language.Tokenizer;
        var expander = language.Expander;
        var n = analysed.Vectors.Length;
        var coverage = new Dictionary<string, (int Count, Dictionary<string, int> Forms)>(StringComparer.Ordinal);
        foreach (var m in members)
        {
            foreach (var word in analysed.ContentWords[m].Distinct())
            {
                var stem = tokenizer.Stem(word);
                if (!coverage.TryGetValue(stem, out var entry))
                {
                    entry = (0, new Dictionary<string, int>(StringComparer.Ordinal));
                }
                entry.Forms[word] = entry.Forms.TryGetValue(word, out var f) ? f + 1 : 1;
                coverage[stem] = (entry.Count + 1, entry.Forms);
            }
        }
        var ranked = coverage
            .Select(kv =>
            {
                var df = analysed.DocumentFrequency.TryGetValue(WordExpander.StemFeature(kv.Key), out var d) ? d : 1;
                var score = kv.Value.Count * MathF.Log(1f + (float)n / df);
                var form = kv.Value.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
                return (Form: form, kv.Value.Count, Score: score);
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Form, StringComparer.Ordinal)
            .ToList();

        var shared = ranked.Where(x => x.Count >= 2).Take(3).ToList();
        var parts = new List<string>();
        if (shared.Count > 0)
        {
            parts.Add(shared[0].Form);
            parts.AddRange(shared.Skip(1).Where(x => x.Count * 2 >= shared[0].Count).Select(x => x.Form));
        }
        var concept = expander is null ? null : SharedConcept(analysed, members, expander);
        if (concept is not null && !parts.Contains(concept) && parts.Count < 3)
        {
            parts.Insert(0, concept);
        }
        if (parts.Count == 0 && ranked.Count > 0)
        {
            parts.Add(ranked[0].Form);
        }
        return parts.Count == 0 ? "(no words)" : string.Join(" · ", parts.Take(3));
    }

    private static string? SharedConcept(AnalysedAnswers analysed, IReadOnlyList<int> members, WordExpander expander)
    {
        // The synset that reaches most members, weighted by how distinctive it is; its first word is the label.
        var totals = new Dictionary<int, (int Count, float Weight)>();
        foreach (var m in members)
        {
            var v = analysed.Vectors[m];
            for (var k = 0; k < v.Keys.Length; k++)
            {
                var key = v.Keys[k];
                if (key >= 1 << 26 || v.Values[k] <= 0)
                {
                    continue;
                }
                var t = totals.TryGetValue(key, out var old) ? old : (Count: 0, Weight: 0f);
                totals[key] = (t.Count + 1, t.Weight + v.Values[k]);
            }
        }
        var threshold = Math.Max(2, (members.Count + 1) / 2);
        var best = totals
            .Where(kv => kv.Value.Count >= threshold)
            .OrderByDescending(kv => kv.Value.Weight)
            .ThenBy(kv => kv.Key)
            .Select(kv => kv.Key)
            .FirstOrDefault(-1);
        return best < 0 ? null : expander.WordNet.GetSynset(best).Words[0].Replace('_', ' ');
    }

    private static List<string> Units(string answer, LanguageAnalysis language)
    {
        var tokens = language.Tokenizer.Tokenize(answer);
        var units = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsStop)
            {
                units.Add(tokens[i].Text);
            }
        }
        if (language.Expander is { } expander)
        {
            // Collocations WordNet knows ("count on", "follow through", "fall through the cracks" → its parts).
            for (var i = 0; i < tokens.Count; i++)
            {
                for (var len = 3; len >= 2; len--)
                {
                    if (i + len > tokens.Count)
                    {
                        continue;
                    }
                    var parts = tokens.Skip(i).Take(len).ToList();
                    if (parts.All(p => p.IsStop))
                    {
                        continue;
                    }
                    var lemma = string.Join('_', parts.Select(p => p.Text));
                    if (expander.IsKnownCollocationCached(lemma))
                    {
                        units.Add(lemma);
                        break;
                    }
                }
            }
        }
        return units;
    }

    private static SparseVector Expand(string unit, LanguageAnalysis language)
    {
        if (language.Expander is { } expander)
        {
            return expander.Expand(unit);
        }
        var stem = language.Tokenizer.Stem(unit);
        return new SparseVector([WordExpander.StemFeature(stem)], [1f]);
    }

    /// <summary>
    /// Rescales each answer's similarities to how unusual they are for that answer (z-scores of its row), averaged
    /// over the two answers of a pair: a long answer that touches many concepts and a one-word answer become
    /// comparable, and the cut means "clearly closer than this answer's typical neighbour".
    /// </summary>
    private const float StrongCosine = 0.5f;

    private static float[,] Standardise(float[,] similarity, float floor)
    {
        var n = similarity.GetLength(0);
        var mean = new float[n];
        var sd = new float[n];
        for (var i = 0; i < n; i++)
        {
            double sum = 0, squares = 0;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sum += similarity[i, j];
                    squares += similarity[i, j] * similarity[i, j];
                }
            }
            var m = sum / (n - 1);
            mean[i] = (float)m;
            sd[i] = (float)Math.Sqrt(Math.Max(squares / (n - 1) - m * m, 1e-9));
        }
        var result = new float[n, n];
        for (var i = 0; i < n; i++)
        {
            result[i, i] = float.PositiveInfinity;
            for (var j = i + 1; j < n; j++)
            {
                // Below the floor two answers share next to nothing, however unusual that is for them.
                // Near-duplicates always link, even in a handful of answers where z-scores say little.
                var raw = similarity[i, j];
                var z = raw < floor
                    ? -10f
                    : ((raw - mean[i]) / sd[i] + (raw - mean[j]) / sd[j]) / 2;
                if (raw >= StrongCosine)
                {
                    z = Math.Max(z, 10f * raw);
                }
                result[i, j] = z;
                result[j, i] = z;
            }
        }
        return result;
    }

    private static SparseVector Strongest(Dictionary<int, float> weights, int count)
    {
        if (weights.Count <= count)
        {
            return SparseVector.From(weights);
        }
        var kept = weights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(count).ToDictionary();
        return SparseVector.From(kept);
    }

    private static SparseVector Normalise(SparseVector v)
    {
        var norm = 0f;
        foreach (var x in v.Values)
        {
            norm += x * x;
        }
        if (norm <= 0)
        {
            return v;
        }
        var scale = 1f / MathF.Sqrt(norm);
        return new SparseVector(v.Keys, v.Values.Select(x => x * scale).ToArray());
    }

    private static float Dot(SparseVector a, SparseVector b)
    {
        float sum = 0;
        int i = 0, j = 0;
        while (i < a.Keys.Length && j < b.Keys.Length)
        {
            var c = a.Keys[i].CompareTo(b.Keys[j]);
            if (c == 0)
            {
                sum += a.Values[i++] * b.Values[j++];
            }
            else if (c < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return sum;
    }
}
