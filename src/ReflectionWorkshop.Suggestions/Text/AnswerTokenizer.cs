using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace ReflectionWorkshop.Suggestions.Text;

/// <summary>One word of an answer: lower-cased, with whether it is a stop word.</summary>
internal readonly record struct AnswerToken(string Text, bool IsStop);

/// <summary>
/// Splits answers into words with Lucene's analysis chain (Unicode word breaking, lower-casing, English possessives)
/// and says which are stop words (Lucene's English set plus the Snowball project's English list, or the Spanish
/// ones) and what their stem is (Snowball stemmers). Thread-safe: every call builds its own token stream.
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

    public static AnswerTokenizer Spanish { get; } = new(SpanishAnalyzer.DefaultStopSet, english: false);

    public bool IsEnglish => _english;

    public bool IsStopWord(string word) => _stopWords.Contains(word);

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

    /// <summary>The Snowball stem of a word (English "Porter2" or Spanish).</summary>
    public string Stem(string word)
    {
        SnowballProgram stemmer = _english ? new EnglishStemmer() : new SpanishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    private static CharArraySet EnglishStopWords()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), "english_stop.txt", Encoding.UTF8);
        foreach (var word in WordlistLoader.GetSnowballWordSet(reader, Version))
        {
            set.Add(word);
        }
        return set;
    }
}
