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
    private readonly ConcurrentDictionary<int, string[]> _glossStems = new();

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
    public SparseVector Expand(string word) => _cache.GetOrAdd(word, Compute);

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

    private SparseVector Compute(string word)
    {
        var w = _weights;
        var features = new Dictionary<int, float>();
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

        // The senses of the word in every part of speech WordNet has it in, weighted by how often each part of
        // speech was seen in WordNet's sense-tagged corpus and by sense rank.
        var senses = new List<(int Synset, float Weight)>();
        var posWeights = new float[4];
        var posSenses = new int[4][];
        for (var pos = 0; pos < 4; pos++)
        {
            var synsets = new List<int>();
            var tagged = 0;
            foreach (var form in Morphology.BaseForms(_wordNet, word, (WordPos)pos))
            {
                if (_wordNet.TryGetSenses(form, (WordPos)pos, out var lemmaSenses))
                {
                    tagged += lemmaSenses.TaggedCount;
                    foreach (var s in lemmaSenses.Synsets)
                    {
                        if (!synsets.Contains(s))
                        {
                            synsets.Add(s);
                        }
                    }
                }
            }
            if (synsets.Count > 0)
            {
                posSenses[pos] = synsets.ToArray();
                posWeights[pos] = tagged + w.PosSmoothing;
            }
        }
        var posTotal = posWeights.Sum();
        if (posTotal <= 0)
        {
            return SparseVector.From(features);
        }
        for (var pos = 0; pos < 4; pos++)
        {
            if (posSenses[pos] is not { } synsets)
            {
                continue;
            }
            var count = Math.Min(synsets.Length, w.MaxSenses);
            var rankTotal = 0f;
            for (var r = 0; r < count; r++)
            {
                rankTotal += SenseRankWeight(r);
            }
            for (var r = 0; r < count; r++)
            {
                senses.Add((synsets[r], posWeights[pos] / posTotal * SenseRankWeight(r) / rankTotal));
            }
        }

        foreach (var (synsetId, senseWeight) in senses)
        {
            // Each sense contributes in proportion to its likelihood, but a likely sense's own features stay strong.
            var scale = MathF.Sqrt(senseWeight);
            AddSynset(synsetId, scale, depth: 0);
        }
        return SparseVector.From(features);

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
            }
            foreach (var stem in GlossStems(synset))
            {
                Add(StemFeature(stem), scale * level * w.Gloss);
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
                            }
                        }
                        break;
                }
            }
        }

        float SenseRankWeight(int rank) => 1f / (rank + w.RankOffset);
    }

    /// <summary>Stems of the content words of a synset's definition (the gloss up to its first example).</summary>
    private string[] GlossStems(Synset synset) => _glossStems.GetOrAdd(synset.Id, _ =>
    {
        var gloss = synset.Gloss;
        var quote = gloss.IndexOf('"');
        if (quote >= 0)
        {
            gloss = gloss[..quote];
        }
        var stems = new List<string>();
        foreach (var token in _tokenizer.Tokenize(gloss))
        {
            if (!token.IsStop && token.Text.All(char.IsLetter))
            {
                var stem = _tokenizer.Stem(token.Text);
                if (!stems.Contains(stem))
                {
                    stems.Add(stem);
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
    public float RankOffset { get; init; } = 1.0f;
    public float PosSmoothing { get; init; } = 1.0f;
}
