using System.Collections.Concurrent;

namespace ReflectionWorkshop.Infrastructure.Caching;

/// <summary>
/// Remembers the result of a pure function for the inputs seen lately, so a hot path does not redo the same work on
/// every request (a session's activity read back from its JSON, a prompt's Markdown drawn as HTML). Bounded: past
/// <paramref name="capacity"/> entries it starts again empty, which costs one recomputation each and never holds more
/// than that many. Only for functions whose result is immutable and depends on nothing but the input.
/// </summary>
public sealed class RecentResults<TResult>(Func<string, TResult> compute, int capacity, int maxKeyLength)
{
    private readonly ConcurrentDictionary<string, TResult> _results = new(StringComparer.Ordinal);

    public TResult Get(string input)
    {
        if (input.Length > maxKeyLength)
        {
            return compute(input);
        }

        if (_results.TryGetValue(input, out var known))
        {
            return known;
        }

        var result = compute(input);
        if (_results.Count >= capacity)
        {
            _results.Clear();
        }

        _results[input] = result;
        return result;
    }
}
