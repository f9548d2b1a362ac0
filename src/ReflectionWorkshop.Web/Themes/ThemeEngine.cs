using ReflectionWorkshop.Infrastructure.Diagnostics;
using ReflectionWorkshop.Suggestions;

namespace ReflectionWorkshop.Web.Themes;

/// <summary>
/// How the pages call the theme engine: one call at a time for the whole process (it is CPU work, and a
/// 2-core server must keep answering phones meanwhile), never more than <see cref="SuggestionLimits.MaxAnswers"/>
/// answers a call, and a time limit after which the call is cancelled and the page says so. A caller that waits
/// too long for its turn gives up the same way, so a queue of heavy requests cannot pile up.
/// </summary>
public sealed class ThemeEngine(IThemeSuggester suggester, ILogger<ThemeEngine> logger)
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>How long one call (waiting for its turn included) may take before it is cancelled.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Drafts themes for at most <see cref="SuggestionLimits.MaxAnswers"/> answers; null when the time ran out.</summary>
    public Task<ThemeSuggestions?> SuggestAsync(IReadOnlyList<string> answers, string language, CancellationToken cancellationToken) =>
        RunAsync(token => suggester.Suggest(Capped(answers), language, token), cancellationToken, Math.Min(answers.Count, SuggestionLimits.MaxAnswers));

    /// <summary>Ranks named themes for at most <see cref="SuggestionLimits.MaxAnswers"/> cards; null when the time ran out.</summary>
    public Task<IReadOnlyList<Placement>?> PlaceAsync(IReadOnlyList<string> cards, IReadOnlyList<NamedTheme> themes, string language, CancellationToken cancellationToken) =>
        RunAsync(token => suggester.Place(Capped(cards), themes, language, token), cancellationToken, Math.Min(cards.Count, SuggestionLimits.MaxAnswers));

    /// <summary>Loads the model (in the background after start, so the first click is not slow); false when the time ran out.</summary>
    public async Task<bool> WarmUpAsync(CancellationToken cancellationToken) => await RunAsync<object>(_ =>
    {
        suggester.WarmUp();
        return new object();
    }, cancellationToken) is not null;

    private static IReadOnlyList<string> Capped(IReadOnlyList<string> texts) =>
        texts.Count <= SuggestionLimits.MaxAnswers ? texts : texts.Take(SuggestionLimits.MaxAnswers).ToList();

    private async Task<T?> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken, int cards = 0)
        where T : class
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        try
        {
            await _turn.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The theme engine was busy for longer than {Limit}; the request went without suggestions.", TimeLimit);
            return null;
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await Task.Run(() => work(limit.Token), limit.Token);
            if (cards > 0)
            {
                WorkshopMetrics.ThemeEngineDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                WorkshopMetrics.ThemeEngineCards.Record(cards);
            }

            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The theme engine ran longer than {Limit} and was stopped.", TimeLimit);
            return null;
        }
        finally
        {
            _turn.Release();
        }
    }
}

/// <summary>Loads the theme engine's model in the background once the app has started.</summary>
public sealed class ThemeEngineWarmUp(ThemeEngine engine, ILogger<ThemeEngineWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Let the start-up work (migrations, the catalogue) finish first.
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (await engine.WarmUpAsync(stoppingToken))
            {
                logger.LogInformation("Theme engine ready ({Milliseconds:F0} ms to load its model).", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            // The board still works without the engine (by hand); say why it has no suggestions.
            logger.LogError(ex, "The theme engine could not be loaded.");
        }
    }
}
