using System.Diagnostics;
using ReflectionWorkshop.Suggestions.Clustering;
using ReflectionWorkshop.Suggestions.Lexicon;
using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Suggestions;

/// <summary>
/// Suggests themes offline: each answer becomes a weighted bag of WordNet concepts (see <see cref="WordExpander"/>),
/// answers are compared by cosine similarity and grouped by average-linkage clustering cut at a fixed similarity;
/// answers left alone are unthemed. Thread-safe; one shared instance is enough. WordNet is read on first use,
/// once per process (<see cref="LexiconLoad"/> says how long it took).
/// </summary>
public sealed class ThemeSuggester : IThemeSuggester
{
    private static readonly Lazy<LoadedLexicon> DefaultLexicon = new(() => LoadedLexicon.Load(DefaultDirectory), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<LoadedLexicon> _lexicon;
    private readonly SuggesterOptions _options;
    private readonly Lazy<WordExpander> _englishExpander;

    /// <summary>Uses the WordNet files the build copies next to this assembly (folder "wordnet").</summary>
    public ThemeSuggester()
        : this(DefaultLexicon, SuggesterOptions.Default)
    {
    }

    internal ThemeSuggester(SuggesterOptions options)
        : this(DefaultLexicon, options)
    {
    }

    private ThemeSuggester(Lazy<LoadedLexicon> lexicon, SuggesterOptions options)
    {
        _lexicon = lexicon;
        _options = options;
        _englishExpander = new Lazy<WordExpander>(() => new WordExpander(_lexicon.Value.WordNet, AnswerTokenizer.English, options.Weights));
    }

    /// <summary>Where the WordNet files are read from by default.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "wordnet");

    /// <summary>Loads the lexicon now if it is not loaded yet, and says how long that took and what it holds.</summary>
    public LexiconInfo LexiconLoad()
    {
        var lexicon = _lexicon.Value;
        return new LexiconInfo(lexicon.LoadTime, lexicon.WordNet.ApproximateBytes);
    }

    public ThemeSuggestions Suggest(IReadOnlyList<string> answers, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(answers);
        var n = answers.Count;
        if (n == 0)
        {
            return new ThemeSuggestions([], []);
        }

        // Work in a canonical order (by text), so the grouping does not depend on the order answers came in.
        var order = Enumerable.Range(0, n).ToArray();
        var texts = answers.Select(a => a ?? "").ToArray();
        Array.Sort(order, (x, y) =>
        {
            var c = string.CompareOrdinal(texts[x].Trim().ToLowerInvariant(), texts[y].Trim().ToLowerInvariant());
            return c != 0 ? c : string.CompareOrdinal(texts[x], texts[y]);
        });
        var sorted = order.Select(i => texts[i]).ToArray();

        // Each answer is read in the language it is written in (a bilingual room mixes them); see AnswerLanguage.
        var room = AnswerLanguage.Normalise(language);
        var english = new LanguageAnalysis(AnswerLanguage.English, AnswerTokenizer.English, _englishExpander.Value);
        var spanish = new LanguageAnalysis(AnswerLanguage.Spanish, AnswerTokenizer.Spanish, null);
        var languages = sorted
            .Select(text => GuessLanguage(text, room) == AnswerLanguage.Spanish ? spanish : english)
            .ToArray();
        var model = new AnswerModel(_options);
        var analysed = model.Analyse(sorted, languages);
        var labels = n == 1 ? [0] : AverageLinkage.Cluster(analysed.Similarity, _options.Threshold);

        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (!groups.TryGetValue(labels[i], out var members))
            {
                groups[labels[i]] = members = [];
            }
            members.Add(i);
        }

        var themes = new List<SuggestedTheme>();
        var unthemed = new List<int>();
        foreach (var members in groups.Values)
        {
            if (members.Count < _options.MinThemeSize)
            {
                unthemed.AddRange(members.Select(m => order[m]));
                continue;
            }
            var label = model.Label(analysed, members, room);
            var original = members.Select(m => order[m]).Order().ToArray();
            themes.Add(new SuggestedTheme(label, original));
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

    /// <summary>The language ("en" or "es") an answer is read in, in a room whose language is <paramref name="roomLanguage"/>.</summary>
    internal string GuessLanguage(string answer, string roomLanguage) =>
        AnswerLanguage.Guess(answer, AnswerLanguage.Normalise(roomLanguage), _englishExpander.Value.IsKnownCollocationCached);

    private sealed record LoadedLexicon(WordNet WordNet, TimeSpan LoadTime)
    {
        public static LoadedLexicon Load(string directory)
        {
            var watch = Stopwatch.StartNew();
            var wordNet = WordNet.Load(directory);
            return new LoadedLexicon(wordNet, watch.Elapsed);
        }
    }
}

/// <summary>How long the one-time lexicon load took and roughly how many bytes it holds.</summary>
public sealed record LexiconInfo(TimeSpan LoadTime, long ApproximateBytes);

/// <summary>The tunable parts of the method; the defaults are the shipped method.</summary>
internal sealed record SuggesterOptions
{
    public static readonly SuggesterOptions Default = new();

    /// <summary>Average-linkage similarity below which clusters are no longer merged.</summary>
    public float Threshold { get; init; } = 0.75f;

    public int MinThemeSize { get; init; } = 2;

    /// <summary>Whether similarities are standardised per answer before clustering (the threshold is then in z units).</summary>
    public bool Standardise { get; init; } = true;

    /// <summary>Features found in fewer answers than this are left out of the vectors (they cannot link two answers).</summary>
    public int MinFeatureAnswers { get; init; } = 1;

    /// <summary>Raw cosine below which two answers never link, whatever the standardised score says.</summary>
    public float MinCosine { get; init; } = 0.02f;

    /// <summary>Each answer keeps only its strongest features (speed; the weak tail is mostly noise).</summary>
    public int MaxFeatures { get; init; } = 200;

    public ExpansionWeights Weights { get; init; } = new();

    /// <summary>Smoothing of the inverse document frequency computed over the answers.</summary>
    public float IdfSmoothing { get; init; } = 1f;
}
