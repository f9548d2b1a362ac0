using Microsoft.Extensions.Logging.Abstractions;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Tests.Themes;

/// <summary>
/// The web's gate to the theme engine: a call never runs past its time limit, never reads more than the cap, and a
/// stopped call leaves the engine free for the next. (The engine itself is tested with the real model in
/// ReflectionWorkshop.Suggestions.Tests; here a stand-in lets the test control how long a call takes.)
/// </summary>
public sealed class ThemeEngineTests
{
    [Fact]
    public async Task A_call_past_its_time_limit_is_cancelled_and_the_next_call_runs()
    {
        var suggester = new StandIn { BlockUntilCancelled = true };
        var engine = new ThemeEngine(suggester, NullLogger<ThemeEngine>.Instance) { TimeLimit = TimeSpan.FromMilliseconds(300) };

        var slow = await engine.SuggestAsync(["a", "b", "c"], "en", CancellationToken.None);

        Assert.Null(slow);
        Assert.True(suggester.SawCancellation);
        suggester.BlockUntilCancelled = false;
        Assert.NotNull(await engine.SuggestAsync(["a", "b", "c"], "en", CancellationToken.None));
    }

    [Fact]
    public async Task A_call_reads_at_most_the_cap()
    {
        var suggester = new StandIn();
        var engine = new ThemeEngine(suggester, NullLogger<ThemeEngine>.Instance);
        var answers = Enumerable.Range(0, SuggestionLimits.MaxAnswers + 250).Select(i => $"answer {i}").ToList();

        await engine.SuggestAsync(answers, "en", CancellationToken.None);
        await engine.PlaceAsync(answers, [new NamedTheme("Trust", [])], "en", CancellationToken.None);

        Assert.Equal([SuggestionLimits.MaxAnswers, SuggestionLimits.MaxAnswers], suggester.Counts);
    }

    [Fact]
    public async Task A_caller_waiting_behind_a_long_call_gives_up_at_its_limit()
    {
        var suggester = new StandIn { BlockUntilCancelled = true };
        var engine = new ThemeEngine(suggester, NullLogger<ThemeEngine>.Instance) { TimeLimit = TimeSpan.FromMilliseconds(500) };

        var first = engine.SuggestAsync(["a"], "en", CancellationToken.None);
        var second = engine.PlaceAsync(["b"], [new NamedTheme("Trust", [])], "en", CancellationToken.None);

        Assert.Null(await second);
        Assert.Null(await first);
    }

    /// <summary>Counts what it was given; when told to, blocks until the call is cancelled.</summary>
    private sealed class StandIn : IThemeSuggester
    {
        public bool BlockUntilCancelled { get; set; }

        public bool SawCancellation { get; private set; }

        public List<int> Counts { get; } = [];

        public ThemeSuggestions Suggest(IReadOnlyList<string> answers, string language = "en", CancellationToken cancellationToken = default)
        {
            Work(answers.Count, cancellationToken);
            return new ThemeSuggestions([], Enumerable.Range(0, answers.Count).ToList());
        }

        public IReadOnlyList<Placement> Place(IReadOnlyList<string> cards, IReadOnlyList<NamedTheme> themes, string language = "en", CancellationToken cancellationToken = default)
        {
            Work(cards.Count, cancellationToken);
            return cards.Select(_ => new Placement([0], false)).ToList();
        }

        public void WarmUp()
        {
        }

        private void Work(int count, CancellationToken cancellationToken)
        {
            lock (Counts)
            {
                Counts.Add(count);
            }

            if (BlockUntilCancelled)
            {
                try
                {
                    Task.Delay(Timeout.Infinite, cancellationToken).Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    SawCancellation = true;
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
    }
}
