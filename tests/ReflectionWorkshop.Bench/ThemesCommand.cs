using System.Diagnostics;
using System.Globalization;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Suggestions.Evaluation;
using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// `themes FILE [FILE...]`: suggests themes for each prompt's answers, in the file's room language, and compares them
/// with the hand-made grouping. Unthemed answers count as groups of one. Overall figures are item-weighted means of the
/// per-prompt figures (moves_saved and precision pooled); each file's block ends with
/// `overall ari=… f1=… moves_saved=… precision=… items=… ms=…`, and with several files a table
/// of the overall figures side by side comes last.
/// </summary>
internal static class ThemesCommand
{
    internal static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    // For exploring the method: --set name=value changes one setting of SuggesterOptions.
    internal static SuggesterOptions Set(SuggesterOptions options, string assignment)
    {
        var (name, value) = (assignment.Split('=')[0], Number(assignment.Split('=')[1]));
        return name switch
        {
            "cut" => options with { CutDeviations = value },
            "minthemesize" => options with { MinThemeSize = (int)value },
            "spanishcontent" => options with { SpanishContentWordsOnly = value != 0 },
            "nameweight" => options with { NameWeight = value },
            "placecentre" => options with { PlaceCentre = value != 0 },
            "placestandardise" => options with { PlaceStandardise = value != 0 },
            "margin" => options with { ConfidentMargin = value },
            "marginnames" => options with { ConfidentMarginNamesOnly = value },
            "minperlanguage" => options with { MinAnswersPerLanguageMean = (int)value },
            _ => throw new ArgumentException($"unknown setting {name}"),
        };
    }

    /// <summary>Settings given as --set NAME=VALUE after the files.</summary>
    internal static SuggesterOptions Options(string[] args, int from)
    {
        var options = SuggesterOptions.Default;
        for (var i = from; i + 1 < args.Length; i++)
        {
            if (args[i] == "--set")
            {
                options = Set(options, args[++i]);
            }
        }
        return options;
    }

    public static int Run(string[] args)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count < 1)
        {
            Console.Error.WriteLine("usage: themes FILE [FILE...] [--set NAME=VALUE]...");
            return 2;
        }
        var suggester = new ThemeSuggester(Options(args, files.Count));
        var verbose = Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1";

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load {ThemeSuggester.ModelLoadTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine("ARI = adjusted Rand index, F1 = pairwise F1; unthemed answers count as groups of one;");
        Console.WriteLine("moves_saved = share of answers already in the right group: drafts (groups of two or more) matched one-to-one");
        Console.WriteLine("to human themes greedily by largest overlap; every other answer needs one move, as from scratch.");
        Console.WriteLine("precision = share of the drafts' same-theme pairs that the human grouping also pairs.");
        Console.WriteLine("Overall: ari, f1 = mean over prompts weighted by item count; moves_saved, precision pooled over all items/pairs;");
        Console.WriteLine("ms = suggestion time, model already loaded (embeddings are cached per text: a second file re-uses none).");
        var results = files.Select(file => RunSet(suggester, file, verbose)).ToList();
        if (results.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine($"{"set",-40} {"lang",4} {"items",5} {"ari",6} {"f1",6} {"saved",6} {"prec",6}");
            foreach (var r in results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(r.File),-40} {r.Language,4} {r.Items,5} {r.Ari,6:F3} {r.F1,6:F3} {r.MovesSaved,6:F3} {r.Precision,6:F3}"));
            }
        }
        return 0;
    }

    // How the suggester's per-answer language guess splits the set, and how often it matches the hand label where
    // the file has one.
    private static void ReportLanguages(ThemeDataSet data, string room)
    {
        var all = data.Prompts.SelectMany(p => p.Items).Select(i => (Item: i, Guess: AnswerLanguage.Guess(i.Text, room))).ToList();
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

    private sealed record SetResult(string File, string Language, int Items, double Ari, double F1, double MovesSaved, double Precision);

    /// <summary>
    /// Answers already in the right group: each suggested group of two or more is matched to at most one human theme and
    /// each human theme to at most one group, greedily by largest overlap (ties: group order, then theme name); the
    /// overlaps of the matched pairs are the answers that need no move.
    /// </summary>
    internal static int AlreadyPlaced(IReadOnlyList<string> human, ThemeSuggestions result)
    {
        var overlaps = new List<(int Group, string Theme, int Count)>();
        for (var g = 0; g < result.Themes.Count; g++)
        {
            if (result.Themes[g].Members.Count < 2)
            {
                continue;
            }
            overlaps.AddRange(result.Themes[g].Members.GroupBy(m => human[m]).Select(x => (g, x.Key, x.Count())));
        }
        var usedGroups = new HashSet<int>();
        var usedThemes = new HashSet<string>(StringComparer.Ordinal);
        var placed = 0;
        foreach (var (group, theme, count) in overlaps.OrderByDescending(o => o.Count).ThenBy(o => o.Group).ThenBy(o => o.Theme, StringComparer.Ordinal))
        {
            if (usedGroups.Contains(group) || usedThemes.Contains(theme))
            {
                continue;
            }
            usedGroups.Add(group);
            usedThemes.Add(theme);
            placed += count;
        }
        return placed;
    }

    private static SetResult RunSet(ThemeSuggester suggester, string file, bool verbose)
    {
        var data = ThemeDataSet.Read(file);
        var language = data.Language ?? "en";
        Console.WriteLine();
        Console.WriteLine($"Theme suggestions against {file} ({data.Name}), room language {language}");
        Console.WriteLine($"{"prompt",-24} {"items",5} {"themes",6} {"human",5} {"unthemed",8} {"ari",6} {"f1",6} {"saved",6} {"prec",6} {"ms",6}");

        double ariSum = 0, f1Sum = 0, pairsRight = 0, pairsSuggested = 0;
        var items = 0;
        var placed = 0;
        long totalMs = 0;
        foreach (var prompt in data.Prompts)
        {
            var texts = prompt.Items.Select(i => i.Text).ToList();
            var watch = Stopwatch.StartNew();
            var result = suggester.Suggest(texts, language);
            watch.Stop();
            var ms = watch.ElapsedMilliseconds;
            var humanThemes = prompt.Items.Select(i => i.Theme).ToList();
            var agreement = GroupingAgreement.Compare(humanThemes, GroupingAgreement.Labels(result, texts.Count));
            var human = humanThemes.Distinct().Count();
            var right = AlreadyPlaced(humanThemes, result);
            double suggestedPairs = result.Themes.Sum(t => t.Members.Count * (t.Members.Count - 1) / 2);
            var rightPairs = result.Themes.Sum(t => t.Members.GroupBy(m => humanThemes[m]).Sum(g => g.Count() * (g.Count() - 1) / 2));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prompt.Id,-24} {texts.Count,5} {result.Themes.Count,6} {human,5} {result.Unthemed.Count,8} {agreement.AdjustedRandIndex,6:F3} {agreement.PairF1,6:F3} {(double)right / texts.Count,6:F3} {(suggestedPairs == 0 ? 0 : rightPairs / suggestedPairs),6:F3} {ms,6}"));
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
            placed += right;
            pairsRight += rightPairs;
            pairsSuggested += suggestedPairs;
            totalMs += ms;
        }
        var ari = items == 0 ? 0 : ariSum / items;
        var f1 = items == 0 ? 0 : f1Sum / items;
        var saved = items == 0 ? 0 : (double)placed / items;
        var precision = pairsSuggested == 0 ? 0 : pairsRight / pairsSuggested;
        ReportLanguages(data, language);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall ari={ari:F3} f1={f1:F3} moves_saved={saved:F3} precision={precision:F3} items={items} ms={totalMs}"));
        return new SetResult(file, language, items, ari, f1, saved, precision);
    }
}
