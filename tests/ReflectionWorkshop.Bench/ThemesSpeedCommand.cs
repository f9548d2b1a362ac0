using System.Diagnostics;
using System.Globalization;
using ReflectionWorkshop.Suggestions;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// `themes-speed FILE [--answers N]`: times suggesting themes for N answers (default 500) drawn from every prompt of
/// FILE with a fixed seed (answers are reused, with a number appended, when the file has fewer). Reports the one-time
/// lexicon load, the first (cold) call, and the median of warm calls.
/// </summary>
internal static class ThemesSpeedCommand
{
    private const int WarmRuns = 25;

    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: themes-speed FILE [--answers N]");
            return 2;
        }
        var count = 500;
        if (args.Length >= 3 && args[1] == "--answers")
        {
            count = int.Parse(args[2], CultureInfo.InvariantCulture);
        }
        var pool = ThemeDataSet.Read(args[0]).Prompts.SelectMany(p => p.Items).Select(i => i.Text).ToList();
        var random = new Random(20261124);
        var answers = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var text = pool[random.Next(pool.Count)];
            answers.Add(i < pool.Count ? text : $"{text} {i % 7}");
        }

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var suggester = new ThemeSuggester();
        var lexicon = suggester.LexiconLoad();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        var watch = Stopwatch.StartNew();
        var first = suggester.Suggest(answers);
        var coldMs = watch.Elapsed.TotalMilliseconds;
        // A server suggests many times over its life: enough runs that the JIT's optimised code is what is timed.
        var runs = new List<double>();
        for (var r = 0; r < WarmRuns; r++)
        {
            watch.Restart();
            suggester.Suggest(answers);
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }
        runs.Sort();
        var memoryWarm = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"answers={count} themes={first.Themes.Count} unthemed={first.Unthemed.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lexicon load ms={lexicon.LoadTime.TotalMilliseconds:F0} managed heap after load={(memoryAfter - memoryBefore) / 1048576.0:F1} MiB, after warm-up={(memoryWarm - memoryBefore) / 1048576.0:F1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first call ms={coldMs:F0} (fills the per-word caches)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm median ms={runs[runs.Count / 2]:F1} p90 ms={runs[runs.Count * 9 / 10]:F1} (min {runs[0]:F1}, max {runs[^1]:F1}, {runs.Count} runs)"));
        return 0;
    }
}
