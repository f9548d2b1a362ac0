using System.Collections.Concurrent;
using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Suggestions.Lexicon;

/// <summary>A sparse vector: feature ids ascending, with their weights.</summary>
internal sealed record SparseVector(int[] Keys, float[] Values)
{
    public static readonly SparseVector Empty = new([], []);

    public static SparseVector From(Dictionary<int, float> weights)
    {
        var keys = weights.Keys.ToArray();
        Array.Sort(keys);
        var values = new float[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = weights[keys[i]];
        }
        return new SparseVector(keys, values);
    }
}

/// <summary>
/// Turns a word into the WordNet concepts it can stand for: its likely senses (synsets), their synonyms, derived
/// forms, near relations ("similar to", "also see", attribute, pertainym, verb group), hypernyms a step or two up
/// and the content words of their glosses. Two answers that share no word but paraphrase each other then share
/// some of these features. Results are cached per word; thread-safe.
/// </summary>
internal sealed class WordExpander
{
    // Feature id spaces: synsets use their WordNet id (< 2^26); stems and lexicographer files get their own ranges.
    private const int StemSpace = 1 << 30;
    private const int LexFileSpace = 1 << 29;

    private readonly WordNet _wordNet;
    private readonly AnswerTokenizer _tokenizer;
    private readonly ExpansionWeights _weights;
    private readonly ConcurrentDictionary<string, SparseVector> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, (string, string)[]> _glossStems = new();
    private readonly ConcurrentDictionary<string, float> _informativeness = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _collocations = new(StringComparer.Ordinal);

    // Caches keyed by words typed in answers stop growing past this many entries (a long-running server sees typos).
    private const int CacheLimit = 200_000;

    public WordExpander(WordNet wordNet, AnswerTokenizer tokenizer, ExpansionWeights weights)
    {
        _wordNet = wordNet;
        _tokenizer = tokenizer;
        _weights = weights;
    }

    public WordNet WordNet => _wordNet;

    /// <summary>A stable id for a stem (a hash, so ids never depend on the order words were first seen).</summary>
    public static int StemFeature(string stem)
    {
        var hash = 2166136261u;
        foreach (var c in stem)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return StemSpace | (int)(hash & 0x1FFFFFFF);
    }

    public static bool IsStemFeature(int feature) => (feature & StemSpace) != 0;

    /// <summary>The features of one word (a single word or a WordNet collocation such as "count_on").</summary>
    public SparseVector Expand(string word)
    {
        if (_cache.TryGetValue(word, out var vector))
        {
            return vector;
        }
        vector = SecondOrder(word);
        return _cache.Count < CacheLimit ? _cache.GetOrAdd(word, vector) : vector;
    }

    private readonly ConcurrentDictionary<string, (SparseVector Features, KeyValuePair<string, float>[] Neighbours)> _firstOrder = new(StringComparer.Ordinal);

    private (SparseVector Features, KeyValuePair<string, float>[] Neighbours) FirstOrder(string word) => _firstOrder.GetOrAdd(word, Compute);

    // A word's features plus, more weakly, the features of the words WordNet puts next to it (its synonyms, related
    // and broader words, definition words): two paraphrases that share no concept directly often share these.
    private SparseVector SecondOrder(string word)
    {
        var (own, neighbours) = FirstOrder(word);
        var total = new Dictionary<int, float>();
        Accumulate(own, 1f);
        if (_weights.SecondOrder > 0)
        {
            foreach (var (neighbour, weight) in neighbours.Take(_weights.MaxNeighbours))
            {
                Accumulate(FirstOrder(neighbour).Features, _weights.SecondOrder * weight);
            }
        }
        return SparseVector.From(total);

        void Accumulate(SparseVector v, float scale)
        {
            var norm = MathF.Sqrt(v.Values.Sum(x => x * x));
            if (norm <= 0)
            {
                return;
            }
            for (var k = 0; k < v.Keys.Length; k++)
            {
                total[v.Keys[k]] = total.GetValueOrDefault(v.Keys[k]) + v.Values[k] * scale / norm;
            }
        }
    }

    /// <summary>
    /// How informative a word is, 0..1, from its frequency in WordNet's sense-tagged corpus: everyday words such as
    /// "get", "time" or "person" count less than "trust" or "laughter". Words WordNet lacks count fully.
    /// </summary>
    public float Informativeness(string word) => _informativeness.GetOrAdd(word, w =>
    {
        var frequency = 0;
        for (var pos = 0; pos < 4; pos++)
        {
            foreach (var form in Morphology.BaseForms(_wordNet, w, (WordPos)pos))
            {
                frequency = Math.Max(frequency, _wordNet.Frequency(form));
            }
        }
        var total = Math.Max(1, _wordNet.TotalFrequency);
        var idf = Math.Log((total + 1.0) / (frequency + 1.0)) / Math.Log(total + 1.0);
        return (float)Math.Pow(idf, _weights.BackgroundPower);
    });

    /// <summary>As <see cref="IsKnownCollocation"/>, remembered (up to a bounded number of word pairs).</summary>
    public bool IsKnownCollocationCached(string lemma)
    {
        if (_collocations.TryGetValue(lemma, out var known))
        {
            return known;
        }
        known = IsKnownCollocation(lemma);
        if (_collocations.Count < CacheLimit)
        {
            _collocations.TryAdd(lemma, known);
        }
        return known;
    }

    /// <summary>Whether WordNet knows <paramref name="lemma"/> (e.g. "count_on") in some part of speech, directly or inflected.</summary>
    public bool IsKnownCollocation(string lemma)
    {
        for (var pos = 0; pos < 4; pos++)
        {
            if (Morphology.BaseForms(_wordNet, lemma, (WordPos)pos).Count > 0)
            {
                return true;
            }
        }
        return false;
    }

    private (SparseVector, KeyValuePair<string, float>[]) Compute(string word)
    {
        var w = _weights;
        var features = new Dictionary<int, float>();
        var neighbours = new Dictionary<string, float>(StringComparer.Ordinal);
        void AddNeighbour(string lemma, float weight)
        {
            if (lemma != word && !lemma.Contains('_') && !_tokenizer.IsStopWord(lemma))
            {
                neighbours[lemma] = Math.Max(neighbours.GetValueOrDefault(lemma), weight);
            }
        }
        void Add(int feature, float weight)
        {
            if (weight <= 0)
            {
                return;
            }
            features[feature] = features.TryGetValue(feature, out var old) ? Math.Max(old, weight) : weight;
        }

        foreach (var part in word.Split('_'))
        {
            if (!_tokenizer.IsStopWord(part))
            {
                Add(StemFeature(_tokenizer.Stem(part)), w.Surface);
            }
        }

        // The senses of the word in every part of speech WordNet has it in, weighted by how often each was seen in
        // WordNet's sense-tagged corpus (smoothed, so untagged senses of rare words still count).
        var candidates = new List<(int Synset, float Weight)>();
        for (var pos = 0; pos < 4; pos++)
        {
            foreach (var form in Morphology.BaseForms(_wordNet, word, (WordPos)pos))
            {
                if (!_wordNet.TryGetSenses(form, (WordPos)pos, out var lemmaSenses))
                {
                    continue;
                }
                for (var r = 0; r < lemmaSenses.Synsets.Length; r++)
                {
                    if (candidates.All(c => c.Synset != lemmaSenses.Synsets[r]))
                    {
                        candidates.Add((lemmaSenses.Synsets[r], lemmaSenses.Counts[r] + w.SenseSmoothing / (r + 1)));
                    }
                }
            }
        }
        if (candidates.Count == 0)
        {
            return (SparseVector.From(features), []);
        }
        var senses = candidates.OrderByDescending(c => c.Weight).ThenBy(c => c.Synset).Take(w.MaxSenses).ToList();
        var senseTotal = senses.Sum(s => s.Weight);
        senses = senses.Select(s => (s.Synset, s.Weight / senseTotal)).Where(s => s.Item2 >= w.MinSenseShare).ToList();

        foreach (var (synsetId, senseWeight) in senses)
        {
            // Each sense contributes in proportion to its likelihood, but a likely sense's own features stay strong.
            var scale = MathF.Sqrt(senseWeight);
            AddSynset(synsetId, scale, depth: 0);
        }
        var ranked = neighbours.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        return (SparseVector.From(features), ranked);

        void AddSynset(int synsetId, float scale, int depth)
        {
            var synset = _wordNet.GetSynset(synsetId);
            var level = depth == 0 ? 1f : w.RelatedScale;
            Add(synsetId, scale * level * w.Synset);
            Add(LexFileSpace | synset.LexFile, scale * w.LexFile);
            foreach (var lemma in synset.Words)
            {
                foreach (var part in lemma.Split('_'))
                {
                    if (!_tokenizer.IsStopWord(part))
                    {
                        Add(StemFeature(_tokenizer.Stem(part)), scale * level * w.Synonym);
                    }
                }
                AddNeighbour(lemma, scale * level * w.Synonym);
            }
            foreach (var (stem, glossWord) in GlossStems(synset))
            {
                Add(StemFeature(stem), scale * level * w.Gloss);
                AddNeighbour(glossWord, scale * level * w.Gloss);
            }
            if (depth > 0)
            {
                return;
            }
            var hypernymScale = scale;
            foreach (var pointer in synset.Pointers)
            {
                switch (pointer.Symbol)
                {
                    case "+": // derivationally related form
                    case "&": // similar to
                    case "^": // also see
                    case "=": // attribute
                    case "\\": // pertainym / derived from adjective
                    case "$": // verb group
                        AddSynset(pointer.Target, scale, depth: 1);
                        break;
                    case "@":
                    case "@i":
                        var hypernym = _wordNet.GetSynset(pointer.Target);
                        Add(hypernym.Id, hypernymScale * w.Hypernym);
                        foreach (var up in hypernym.Pointers)
                        {
                            if (up.Symbol is "@" or "@i")
                            {
                                Add(up.Target, hypernymScale * w.Hypernym2);
                            }
                        }
                        foreach (var lemma in hypernym.Words)
                        {
                            if (!lemma.Contains('_') && !_tokenizer.IsStopWord(lemma))
                            {
                                Add(StemFeature(_tokenizer.Stem(lemma)), hypernymScale * w.HypernymWord);
                                AddNeighbour(lemma, hypernymScale * w.HypernymWord);
                            }
                        }
                        break;
                }
            }
        }

    }

    /// <summary>Stems of the content words of a synset's definition (the gloss up to its first example).</summary>
    private (string Stem, string Word)[] GlossStems(Synset synset) => _glossStems.GetOrAdd(synset.Id, _ =>
    {
        var gloss = synset.Gloss;
        var quote = gloss.IndexOf('"');
        if (quote >= 0)
        {
            gloss = gloss[..quote];
        }
        var stems = new List<(string, string)>();
        foreach (var token in _tokenizer.Tokenize(gloss))
        {
            if (!token.IsStop && token.Text.All(char.IsLetter))
            {
                var stem = _tokenizer.Stem(token.Text);
                if (stems.All(x => x.Item1 != stem))
                {
                    stems.Add((stem, token.Text));
                }
            }
        }
        return stems.ToArray();
    });
}

/// <summary>The weights of the kinds of features a word expands to; defaults are the shipped method.</summary>
internal sealed record ExpansionWeights
{
    public float Surface { get; init; } = 1.0f;
    public float Synset { get; init; } = 1.0f;
    public float Synonym { get; init; } = 0.6f;
    public float Gloss { get; init; } = 0.3f;
    public float RelatedScale { get; init; } = 0.6f;
    public float Hypernym { get; init; } = 0.5f;
    public float Hypernym2 { get; init; } = 0.25f;
    public float HypernymWord { get; init; } = 0.3f;
    public float LexFile { get; init; } = 0.0f;
    public int MaxSenses { get; init; } = 4;
    public float SenseSmoothing { get; init; } = 1.0f;
    public float MinSenseShare { get; init; } = 0.05f;
    public float BackgroundPower { get; init; } = 1f;
    public float SecondOrder { get; init; } = 0f;
    public int MaxNeighbours { get; init; } = 20;
}
