using System.Collections.Concurrent;

namespace ReflectionWorkshop.Infrastructure.Caching;

/// <summary>
/// Remembers the result of a pure function for the inputs seen lately, so a hot path does not redo the same work on
/// every request (a session's activity read back from its JSON, a prompt's Markdown drawn as HTML, a join link's QR
/// code). Bounded: past <paramref name="capacity"/> entries it starts again empty, which costs one recomputation each
/// and never holds more than that many; an input <paramref name="worthKeeping"/> refuses (a long text seen once) is
/// worked out every time. Only for functions whose result is immutable and depends on nothing but the input.
/// </summary>
public sealed class RecentResults<TInput, TResult>(Func<TInput, TResult> compute, int capacity, Func<TInput, bool>? worthKeeping = null)
    where TInput : notnull
{
    private readonly ConcurrentDictionary<TInput, TResult> _results = new();

    public TResult Get(TInput input)
    {
        if (_results.TryGetValue(input, out var known))
        {
            return known;
        }

        var result = compute(input);
        if (worthKeeping is null || worthKeeping(input))
        {
            if (_results.Count >= capacity)
            {
                _results.Clear();
            }

            _results[input] = result;
        }

        return result;
    }
}
