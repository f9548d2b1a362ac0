using System.Diagnostics;
using System.Globalization;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Suggestions.Evaluation;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// `themes FILE`: suggests themes for each prompt's answers and compares them with the hand-made grouping.
/// Unthemed answers count as groups of one. Overall figures are item-weighted means of the per-prompt figures.
/// The last line is `overall ari=… f1=… items=… ms=…`.
/// </summary>
internal static class ThemesCommand
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: themes FILE [--threshold T]");
            return 2;
        }
        var data = ThemeDataSet.Read(args[0]);
        var options = SuggesterOptions.Default;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--threshold" => options with { Threshold = float.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        var suggester = new ThemeSuggester(options);
        var lexicon = suggester.LexiconLoad();
        var verbose = Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1";

        Console.WriteLine($"Theme suggestions against {args[0]} ({data.Name})");
        Console.WriteLine($"lexicon load {lexicon.LoadTime.TotalMilliseconds:F0} ms, ~{lexicon.ApproximateBytes / 1048576.0:F1} MiB held");
        Console.WriteLine("ARI = adjusted Rand index, F1 = pairwise F1; unthemed answers count as groups of one;");
        Console.WriteLine("overall = mean over prompts weighted by item count; ms = suggestion time (lexicon already loaded).");
        Console.WriteLine();
        Console.WriteLine($"{"prompt",-24} {"items",5} {"themes",6} {"human",5} {"unthemed",8} {"ari",6} {"f1",6} {"ms",6}");

        double ariSum = 0, f1Sum = 0;
        var items = 0;
        long totalMs = 0;
        foreach (var prompt in data.Prompts)
        {
            var texts = prompt.Items.Select(i => i.Text).ToList();
            var watch = Stopwatch.StartNew();
            var result = suggester.Suggest(texts, "en");
            watch.Stop();
            var ms = watch.ElapsedMilliseconds;
            var agreement = GroupingAgreement.Compare(prompt.Items.Select(i => i.Theme).ToList(), GroupingAgreement.Labels(result, texts.Count));
            var human = prompt.Items.Select(i => i.Theme).Distinct().Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prompt.Id,-24} {texts.Count,5} {result.Themes.Count,6} {human,5} {result.Unthemed.Count,8} {agreement.AdjustedRandIndex,6:F3} {agreement.PairF1,6:F3} {ms,6}"));
            if (verbose)
            {
                foreach (var theme in result.Themes)
                {
                    Console.WriteLine($"    [{theme.Label}]");
                    foreach (var m in theme.Members)
                    {
                        Console.WriteLine($"        {prompt.Items[m].Theme,-24} {prompt.Items[m].Text}");
                    }
                }
                Console.WriteLine("    [unthemed]");
                foreach (var m in result.Unthemed)
                {
                    Console.WriteLine($"        {prompt.Items[m].Theme,-24} {prompt.Items[m].Text}");
                }
            }
            ariSum += agreement.AdjustedRandIndex * texts.Count;
            f1Sum += agreement.PairF1 * texts.Count;
            items += texts.Count;
            totalMs += ms;
        }
        var ari = items == 0 ? 0 : ariSum / items;
        var f1 = items == 0 ? 0 : f1Sum / items;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall ari={ari:F3} f1={f1:F3} items={items} ms={totalMs}"));
        return 0;
    }
}
