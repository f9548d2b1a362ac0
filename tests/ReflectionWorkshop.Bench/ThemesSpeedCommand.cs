using System.Diagnostics;
using System.Globalization;
using ReflectionWorkshop.Suggestions;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// `themes-speed FILE`: the engine's costs. Loads the model (load time; process RSS and managed heap before and after),
/// then for 100 and 500 answers drawn from every prompt of FILE with a fixed seed (with a number appended where the
/// file has too few, so every text is new): the first call (every text embedded) and the median of warm calls
/// (embeddings cached); then placing 500 cards under 8 named themes with two examples each, first and warm.
/// </summary>
internal static class ThemesSpeedCommand
{
    private const int WarmRuns = 15;

    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: themes-speed FILE");
            return 2;
        }
        var data = ThemeDataSet.Read(args[0]);
        var pool = data.Prompts.SelectMany(p => p.Items).Select(i => i.Text).ToList();

        var rssBefore = Rss();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        new ThemeSuggester().WarmUp();
        var warmUpMs = watch.Elapsed.TotalMilliseconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var rssAfter = Rss();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model load ms={ThemeSuggester.ModelLoadTime.TotalMilliseconds:F0} (WarmUp call {warmUpMs:F0} ms) rss before={rssBefore:F0} MiB after={rssAfter:F0} MiB added={rssAfter - rssBefore:F0} MiB managed heap added={(heapAfter - heapBefore) / 1048576.0:F1} MiB"));

        var suggester = new ThemeSuggester();
        var salt = 0;
        foreach (var count in new[] { 100, 500 })
        {
            var answers = Sample(pool, count, ++salt);
            var (first, warm) = Time(() => suggester.Suggest(answers));
            var result = suggester.Suggest(answers);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"suggest answers={count} drafts={result.Themes.Count} first ms={first:F0} (embeds every answer) warm median ms={warm:F1}"));
        }

        var prompt = data.Prompts.OrderByDescending(p => p.ThemeIds().Count).First();
        var themes = prompt.ThemeIds().Take(8)
            .Select(id => new NamedTheme(prompt.Label(id), prompt.Items.Where(i => i.Theme == id).Take(2).Select(i => i.Text).ToList()))
            .ToList();
        var cards = Sample(pool, 500, ++salt);
        var (placeFirst, placeWarm) = Time(() => suggester.Place(cards, themes));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"place cards=500 themes={themes.Count} first ms={placeFirst:F0} warm median ms={placeWarm:F1}"));
        var sixty = cards.Take(60).ToList();
        var (_, placeSixty) = Time(() => suggester.Place(sixty, themes));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"place cards=60 themes={themes.Count} warm median ms={placeSixty:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rss at end={Rss():F0} MiB"));
        return 0;
    }

    private static List<string> Sample(List<string> pool, int count, int salt)
    {
        var random = new Random(20261124 + salt);
        return Enumerable.Range(0, count).Select(i => $"{pool[random.Next(pool.Count)]} {salt}{i}").ToList();
    }

    private static (double First, double WarmMedian) Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        var first = watch.Elapsed.TotalMilliseconds;
        var runs = new List<double>();
        for (var r = 0; r < WarmRuns; r++)
        {
            watch.Restart();
            action();
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }
        runs.Sort();
        return (first, runs[runs.Count / 2]);
    }

    private static double Rss() => Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
}
