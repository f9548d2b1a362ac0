using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace ReflectionWorkshop.Suggestions.Text;

/// <summary>One word of an answer: lower-cased, with whether it is a stop word.</summary>
internal readonly record struct AnswerToken(string Text, bool IsStop);

/// <summary>
/// Splits answers into words with Lucene's analysis chain (Unicode word breaking, lower-casing, English possessives)
/// and says which are stop words and what their stem is. English: Lucene's stop set plus the Snowball project's
/// English list, the Snowball (Porter2) stemmer. Spanish: the stop set and the light stemmer that Lucene's
/// <see cref="SpanishAnalyzer"/> uses, with accents on vowels folded first (see <see cref="FoldAccents"/>).
/// Thread-safe: every call builds its own token stream.
/// </summary>
internal sealed class AnswerTokenizer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly CharArraySet _stopWords;
    private readonly bool _english;

    private AnswerTokenizer(CharArraySet stopWords, bool english)
    {
        _stopWords = stopWords;
        _english = english;
    }

    public static AnswerTokenizer English { get; } = new(EnglishStopWords(), english: true);

    public static AnswerTokenizer Spanish { get; } = new(SpanishStopWords(), english: false);

    public bool IsEnglish => _english;

    public bool IsStopWord(string word) => _stopWords.Contains(word);

    /// <summary>The answer's words, lower-cased, stop words included.</summary>
    public List<string> Words(string text) => Tokenize(text).Select(t => t.Text).ToList();

    public List<AnswerToken> Tokenize(string text)
    {
        var tokens = new List<AnswerToken>();
        using var reader = new StringReader(text);
        using var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        if (_english)
        {
            stream = new EnglishPossessiveFilter(Version, stream);
        }
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var word = term.ToString();
                if (word.Length == 0)
                {
                    continue;
                }
                // Apostrophes inside a word ("didn't") count as part of it; a lone letter or number is noise.
                var isStop = _stopWords.Contains(word) || word.Length < 2 || word.All(char.IsDigit);
                tokens.Add(new AnswerToken(word, isStop));
            }
            stream.End();
        }
        return tokens;
    }

    /// <summary>The stem of a word: Snowball's English (Porter2) stem, or Lucene's light Spanish stem of the folded word.</summary>
    public string Stem(string word)
    {
        if (_english)
        {
            var stemmer = new EnglishStemmer();
            stemmer.SetCurrent(word);
            stemmer.Stem();
            return stemmer.Current;
        }
        // The stemmer Lucene's SpanishAnalyzer uses: plural and gender endings only. Snowball's Spanish stemmer, which
        // also strips verb endings, scored the same on the Spanish set and splits "comunicacion" from "comunicación".
        var chars = FoldAccents(word).ToCharArray();
        var length = new SpanishLightStemmer().Stem(chars, chars.Length);
        return new string(chars, 0, length);
    }

    /// <summary>
    /// Takes accents off vowels (á → a, ü → u) and keeps ñ: answers typed on phones often drop accents ("comunicacion",
    /// "dificiles"), and ñ tells words apart (año, ano). Lucene's light stemmer folds the same vowels, but only in words of
    /// five letters or more.
    /// </summary>
    public static string FoldAccents(string word)
    {
        if (!word.Any(c => c > '\u007f'))
        {
            return word;
        }
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'á' or 'à' or 'â' or 'ä' => 'a',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'í' or 'ì' or 'î' or 'ï' => 'i',
                'ó' or 'ò' or 'ô' or 'ö' => 'o',
                'ú' or 'ù' or 'û' or 'ü' => 'u',
                var c => c,
            };
        }
        return new string(chars);
    }

    private static CharArraySet SpanishStopWords()
    {
        // Lucene's set spells stop words with their accents (está, más, también); phones often leave them off.
        var set = new CharArraySet(Version, SpanishAnalyzer.DefaultStopSet, ignoreCase: true);
        // The list has the forms of these auxiliaries ("tengo", "había", "está") but not the infinitives.
        foreach (var word in new[] { "tener", "haber", "ser", "estar" })
        {
            set.Add(word);
        }
        foreach (var word in SpanishAnalyzer.DefaultStopSet.Select(w => w.ToString()!).ToList())
        {
            set.Add(FoldAccents(word));
        }
        return set;
    }

    private static CharArraySet EnglishStopWords()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true)
        {
            // Words that carry no theme and that the lists lack (a draft was once named "alternatively · instead").
            "instead", "alternatively", "everyone", "everybody", "anyone", "someone", "somebody",
        };
        using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", Encoding.UTF8);
        foreach (var word in WordlistLoader.GetSnowballWordSet(reader, Version))
        {
            set.Add(word);
        }
        return set;
    }
}
