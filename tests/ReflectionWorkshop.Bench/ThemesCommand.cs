using System.Diagnostics;
using System.Globalization;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Suggestions.Evaluation;
using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// `themes FILE [FILE...]`: suggests themes for each prompt's answers, in the file's room language, and compares them
/// with the hand-made grouping. Unthemed answers count as groups of one. Overall figures are item-weighted means of the
/// per-prompt figures; each file's block ends with `overall ari=… f1=… items=… ms=…`, and with several files a table
/// of the overall figures side by side comes last.
/// </summary>
internal static class ThemesCommand
{
    private static float Number(string text) => float.Parse(text, CultureInfo.InvariantCulture);

    // For exploring the method: --set name=value changes one weight of the expansion.
    private static SuggesterOptions Set(SuggesterOptions options, string assignment)
    {
        var (name, value) = (assignment.Split('=')[0], Number(assignment.Split('=')[1]));
        var w = options.Weights;
        var weights = name switch
        {
            "surface" => w with { Surface = value },
            "synset" => w with { Synset = value },
            "synonym" => w with { Synonym = value },
            "gloss" => w with { Gloss = value },
            "related" => w with { RelatedScale = value },
            "hypernym" => w with { Hypernym = value },
            "hypernym2" => w with { Hypernym2 = value },
            "hypernymword" => w with { HypernymWord = value },
            "lexfile" => w with { LexFile = value },
            "maxsenses" => w with { MaxSenses = (int)value },
            "sensesmoothing" => w with { SenseSmoothing = value },
            "minsenseshare" => w with { MinSenseShare = value },
            "bgpower" => w with { BackgroundPower = value },
            "secondorder" => w with { SecondOrder = value },
            "neighbours" => w with { MaxNeighbours = (int)value },
            _ => null,
        };
        if (weights is not null)
        {
            return options with { Weights = weights };
        }
        return name switch
        {
            "idfsmoothing" => options with { IdfSmoothing = value },
            "minthemesize" => options with { MinThemeSize = (int)value },
            "standardise" => options with { Standardise = value != 0 },
            "minfeatureanswers" => options with { MinFeatureAnswers = (int)value },
            "mincosine" => options with { MinCosine = value },
            "maxfeatures" => options with { MaxFeatures = (int)value },
            _ => throw new ArgumentException($"unknown setting {name}"),
        };
    }

    public static int Run(string[] args)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count < 1)
        {
            Console.Error.WriteLine("usage: themes FILE [FILE...] [--threshold T] [--set NAME=VALUE]");
            return 2;
        }
        var options = SuggesterOptions.Default;
        for (var i = files.Count; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--threshold" => options with { Threshold = Number(args[i + 1]) },
                "--set" => Set(options, args[i + 1]),
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        var suggester = new ThemeSuggester(options);
        var lexicon = suggester.LexiconLoad();
        var verbose = Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1";

        Console.WriteLine($"lexicon load {lexicon.LoadTime.TotalMilliseconds:F0} ms, ~{lexicon.ApproximateBytes / 1048576.0:F1} MiB held");
        Console.WriteLine("ARI = adjusted Rand index, F1 = pairwise F1; unthemed answers count as groups of one;");
        Console.WriteLine("overall = mean over prompts weighted by item count; ms = suggestion time (lexicon already loaded).");
        var results = files.Select(file => RunSet(suggester, file, verbose)).ToList();
        if (results.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine($"{"set",-40} {"lang",4} {"items",5} {"ari",6} {"f1",6}");
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(r.File),-40} {r.Language,4} {r.Items,5} {r.Ari,6:F3} {r.F1,6:F3}"));
            }
        }
        return 0;
    }

    // How the suggester's per-answer language guess splits the set, and how often it matches the hand label where
    // the file has one.
    private static void ReportLanguages(ThemeSuggester suggester, ThemeDataSet data, string room)
    {
        var all = data.Prompts.SelectMany(p => p.Items).Select(i => (Item: i, Guess: suggester.GuessLanguage(i.Text, room))).ToList();
        var split = string.Join(", ", all.GroupBy(x => x.Guess).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        var labelled = all.Where(x => x.Item.Language is not null).ToList();
        if (labelled.Count == 0)
        {
            // A one-language set: the answers read in the other language are the guess's mistakes.
            Console.WriteLine($"language guess: {split}");
            foreach (var (item, guess) in all.Where(x => x.Guess != AnswerLanguage.Normalise(room)))
            {
                Console.WriteLine($"    guessed {guess}: {item.Text}");
            }
            return;
        }
        var misses = labelled.Where(x => x.Item.Language != x.Guess).ToList();
        Console.WriteLine($"language guess: {split}; as hand-labelled for {labelled.Count - misses.Count} of {labelled.Count}");
        foreach (var (item, guess) in misses)
        {
            Console.WriteLine($"    guessed {guess}, written in {item.Language}: {item.Text}");
        }
    }

    private sealed record SetResult(string File, string Language, int Items, double Ari, double F1);

    private static SetResult RunSet(ThemeSuggester suggester, string file, bool verbose)
    {
        var data = ThemeDataSet.Read(file);
        var language = data.Language ?? "en";
        Console.WriteLine();
        Console.WriteLine($"Theme suggestions against {file} ({data.Name}), room language {language}");
        Console.WriteLine($"{"prompt",-24} {"items",5} {"themes",6} {"human",5} {"unthemed",8} {"ari",6} {"f1",6} {"ms",6}");

        double ariSum = 0, f1Sum = 0;
        var items = 0;
        long totalMs = 0;
        foreach (var prompt in data.Prompts)
        {
            var texts = prompt.Items.Select(i => i.Text).ToList();
            var watch = Stopwatch.StartNew();
            var result = suggester.Suggest(texts, language);
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
        ReportLanguages(suggester, data, language);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall ari={ari:F3} f1={f1:F3} items={items} ms={totalMs}"));
        return new SetResult(file, language, items, ari, f1);
    }
}
