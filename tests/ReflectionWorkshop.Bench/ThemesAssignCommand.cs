using System.Diagnostics;
using System.Globalization;
using ReflectionWorkshop.Suggestions;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// `themes-assign FILE [FILE...] [--no-examples]`: the board's placement, measured. For each prompt the file's theme
/// labels are the names a facilitator typed; the first two items of each theme (in file order) are placed by hand as
/// its examples and not ranked; every other item is ranked by <see cref="IThemeSuggester.Place"/> in one call, as the
/// board ranks its unplaced cards. With --no-examples there are names only and every item is ranked.
/// top1/top3 = share of ranked items whose theme is first / among the first three; preplaced = share the engine is
/// confident about (the board pre-places them); preplaced_precision = share of those whose first choice is right;
/// moves_saved = share of ranked items whose first choice is right (one tap on the first suggestion instead of a move:
/// equal to top1 by this definition). Figures are pooled over the file's ranked items; ms = time in Place, model loaded.
/// </summary>
internal static class ThemesAssignCommand
{
    private const int ExamplesPerTheme = 2;

    public static int Run(string[] args)
    {
        var files = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count < 1)
        {
            Console.Error.WriteLine("usage: themes-assign FILE [FILE...] [--no-examples] [--dump TSV] [--set NAME=VALUE]...");
            return 2;
        }
        var withExamples = !args.Contains("--no-examples");
        var dumpAt = Array.IndexOf(args, "--dump");
        using var dump = dumpAt >= 0 ? new StreamWriter(args[dumpAt + 1]) : null;
        var suggester = new ThemeSuggester(ThemesCommand.Options(args, files.Count));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load {ThemeSuggester.ModelLoadTime.TotalMilliseconds:F0} ms"));
        Console.WriteLine(withExamples
            ? $"names = the file's theme labels; the first {ExamplesPerTheme} items of each theme are placed by hand as examples; the rest are ranked"
            : "names only (the file's theme labels); every item is ranked");
        foreach (var file in files)
        {
            RunSet(suggester, file, withExamples, dump);
        }
        return 0;
    }

    private static void RunSet(ThemeSuggester suggester, string file, bool withExamples, StreamWriter? dump)
    {
        var data = ThemeDataSet.Read(file);
        var language = data.Language ?? "en";
        Console.WriteLine();
        Console.WriteLine($"Placement under named themes, {file} ({data.Name}), room language {language}");
        Console.WriteLine($"{"prompt",-24} {"themes",6} {"ranked",6} {"top1",6} {"top3",6} {"prepl",6} {"prec",6} {"ms",6}");
        int ranked = 0, top1 = 0, top3 = 0, confident = 0, confidentRight = 0;
        long totalMs = 0;
        foreach (var prompt in data.Prompts)
        {
            var ids = prompt.ThemeIds().ToList();
            var examples = ids.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
            var cards = new List<ThemeItem>();
            foreach (var item in prompt.Items)
            {
                if (withExamples && examples[item.Theme].Count < ExamplesPerTheme)
                {
                    examples[item.Theme].Add(item.Text);
                }
                else
                {
                    cards.Add(item);
                }
            }
            var themes = ids.Select(id => new NamedTheme(prompt.Label(id), examples[id])).ToList();
            var watch = Stopwatch.StartNew();
            var placements = suggester.Place(cards.Select(c => c.Text).ToList(), themes, language);
            watch.Stop();
            if (dump is not null)
            {
                var scores = suggester.Score(cards.Select(c => c.Text).ToList(), themes, language, CancellationToken.None);
                for (var i = 0; i < cards.Count; i++)
                {
                    var order = scores[i].Select((s, t) => (s, t)).OrderByDescending(x => x.s).ToList();
                    dump.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Path.GetFileName(file)}\t{prompt.Id}\t{order[0].s - order[1].s:F5}\t{(ids[order[0].t] == cards[i].Theme ? 1 : 0)}\t{order[0].s:F5}"));
                }
            }
            int p1 = 0, p3 = 0, pc = 0, pcr = 0;
            for (var i = 0; i < cards.Count; i++)
            {
                var truth = ids.IndexOf(cards[i].Theme);
                var placement = placements[i];
                var first = placement.Ranked.Count > 0 && placement.Ranked[0] == truth;
                p1 += first ? 1 : 0;
                p3 += placement.Ranked.Contains(truth) ? 1 : 0;
                pc += placement.Confident ? 1 : 0;
                pcr += placement.Confident && first ? 1 : 0;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{prompt.Id,-24} {themes.Count,6} {cards.Count,6} {Share(p1, cards.Count),6:F3} {Share(p3, cards.Count),6:F3} {Share(pc, cards.Count),6:F3} {Share(pcr, pc),6:F3} {watch.ElapsedMilliseconds,6}"));
            ranked += cards.Count;
            top1 += p1;
            top3 += p3;
            confident += pc;
            confidentRight += pcr;
            totalMs += watch.ElapsedMilliseconds;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"overall top1={Share(top1, ranked):F3} top3={Share(top3, ranked):F3} preplaced={Share(confident, ranked):F3} preplaced_precision={Share(confidentRight, confident):F3} moves_saved={Share(top1, ranked):F3} items={ranked} ms={totalMs}"));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
