using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// Activity files in several languages (docs/activity-format.md, "Several languages"; issue #6). The
/// first front matter and its steps are the activity. Each later front matter block (a line '---' with
/// 'key: value' lines below it) starts a translation: <c>language</c>, <c>title</c>, <c>purpose</c>,
/// then the same steps in the same order with their texts in that language. How a step runs (kinds,
/// counts, limits, dots, step references) belongs to the first language: a translation repeats it
/// exactly or leaves it out. Each block is read by <see cref="ActivityFileParser"/> as a file of its
/// own, so every rule holds in every language; this layer splits the file, lends each translation the
/// first language's settings it left out, keeps problems at their lines in the whole file, and checks
/// that the structures match. Which settings are words and which are structure is
/// <see cref="ActivityGrammar"/>'s to say.
/// </summary>
internal static partial class ActivityFileLanguages
{
    [GeneratedRegex(@"^(id|title|purpose|language|minutes)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex FrontMatterKey();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z-]*)\s*:\s*(.*)$")]
    private static partial Regex Setting();

    [GeneratedRegex(@"^##\s+([A-Za-z-]+)\s*:")]
    private static partial Regex StepKind();

    public static bool HasTranslations(string text) => BlockStarts(Lines(text)).Count > 1;

    public static ActivityFileResult Parse(string text)
    {
        var lines = Lines(text);
        var starts = BlockStarts(lines);
        if (starts.Count == 1)
        {
            return ActivityFileParser.Parse(text);
        }

        var first = ActivityFileParser.Parse(string.Join('\n', lines[..starts[1]]));
        if (first.Activity is not { } activity)
        {
            return first;
        }

        var problems = new List<ActivityProblem>();
        var translations = new Dictionary<string, ActivityText>(StringComparer.Ordinal);
        for (var block = 1; block < starts.Count; block++)
        {
            var end = block + 1 < starts.Count ? starts[block + 1] : lines.Length;
            ReadTranslation(lines, starts[block], end, activity, translations, problems);
        }

        return problems.Count > 0
            ? new ActivityFileResult(null, problems)
            : new ActivityFileResult(activity with { Translations = translations }, []);
    }

    /// <summary>Appends a block per translation: only words; the settings stay with the first language.</summary>
    public static void WriteTranslations(StringBuilder text, Activity activity)
    {
        foreach (var language in activity.Languages.Skip(1))
        {
            var translated = activity.In(language);
            text.Append("\n---\n");
            Line(text, "language", translated.Language);
            Line(text, "title", translated.Title);
            Line(text, "purpose", translated.Purpose);
            text.Append("---\n");
            foreach (var prompt in translated.Prompts)
            {
                text.Append('\n');
                WriteStepWords(text, prompt);
            }
        }
    }

    private static string[] Lines(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');

    private static bool IsStepHeading(string line) =>
        line.StartsWith("## ", StringComparison.Ordinal) || line.TrimEnd() == "##";

    /// <summary>Where each language's block starts (0-based lines); the first block starts at 0.</summary>
    private static List<int> BlockStarts(string[] lines)
    {
        var starts = new List<int> { 0 };
        var index = lines.Length > 0 && lines[0].Trim() == "---" ? PastFrontMatter(lines, 1) : 0;
        for (; index < lines.Length; index++)
        {
            if (lines[index].Trim() != "---")
            {
                continue;
            }

            // A '---' in a body is a Markdown rule; one followed by a front matter key starts a language.
            var next = index + 1;
            while (next < lines.Length && lines[next].Trim().Length == 0)
            {
                next++;
            }

            if (next < lines.Length && FrontMatterKey().IsMatch(lines[next].Trim()))
            {
                starts.Add(index);
                index = PastFrontMatter(lines, next) - 1;
            }
        }

        return starts;
    }

    /// <summary>The line after a front matter's closing '---' (or where a step heading shows it was never closed).</summary>
    private static int PastFrontMatter(string[] lines, int index)
    {
        while (index < lines.Length && lines[index].Trim() != "---" && !lines[index].StartsWith("##", StringComparison.Ordinal))
        {
            index++;
        }

        return index < lines.Length && lines[index].Trim() == "---" ? index + 1 : index;
    }

    private static void ReadTranslation(string[] lines, int start, int end, Activity activity, Dictionary<string, ActivityText> translations, List<ActivityProblem> problems)
    {
        // The block as the parser will read it, each line with its 1-based line in the whole file.
        var block = new List<(string Text, int Line)> { (lines[start], start + 1) };
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = start + 1;
        for (; index < end && lines[index].Trim() != "---" && !lines[index].StartsWith("##", StringComparison.Ordinal); index++)
        {
            if (Setting().Match(lines[index].Trim()) is { Success: true } key)
            {
                keys.TryAdd(key.Groups[1].Value.ToLowerInvariant(), index + 1);
            }

            block.Add((lines[index], index + 1));
        }

        if (!keys.ContainsKey("id"))
        {
            block.Insert(1, ("id: " + activity.Id, start + 1));
        }

        var headings = new List<int>();
        var stepKeys = new List<Dictionary<string, int>>();
        for (; index < end; index++)
        {
            block.Add((lines[index], index + 1));
            if (!IsStepHeading(lines[index]))
            {
                continue;
            }

            var step = headings.Count;
            var own = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var below = index + 1; below < end && Setting().Match(lines[below].Trim()) is { Success: true } setting; below++)
            {
                own.TryAdd(setting.Groups[1].Value.ToLowerInvariant(), below + 1);
            }

            headings.Add(index + 1);
            stepKeys.Add(own);

            // What the translation leaves out, it takes from the first language (only into a step of the same kind,
            // so a wrong kind is reported as such rather than as settings that kind does not take).
            var kind = StepKind().Match(lines[index].TrimEnd());
            if (step < activity.Prompts.Count && kind.Success
                && string.Equals(kind.Groups[1].Value, KindName(activity.Prompts[step]), StringComparison.OrdinalIgnoreCase))
            {
                foreach (var (key, value) in Structure(activity.Prompts[step]).Where(s => !own.ContainsKey(s.Key)))
                {
                    block.Add((key + ": " + value, index + 1));
                }
            }
        }

        var result = ActivityFileParser.Parse(string.Join('\n', block.Select(b => b.Text)));
        int InFile(int line) => line >= 1 && line <= block.Count ? block[line - 1].Line : block[^1].Line;
        problems.AddRange(result.Problems.Select(p => p with { Line = InFile(p.Line) }));

        var header = start + 1;
        string? language = null;
        if (!keys.TryGetValue("language", out var languageLine))
        {
            problems.Add(ActivityProblem.Of(header, "File.TranslationLanguage"));
        }
        else if (result.Activity is { } read)
        {
            if (read.Language == activity.Language || translations.ContainsKey(read.Language))
            {
                problems.Add(ActivityProblem.Of(languageLine, "File.LanguageTwice", read.Language));
            }
            else
            {
                language = read.Language;
            }
        }

        if (result.Activity is not { } translated)
        {
            return;
        }

        var before = problems.Count;
        void Mismatch(int line, string key, string expected) => problems.Add(ActivityProblem.Of(line, "File.TranslationSetting", key, expected));
        if (translated.Id != activity.Id)
        {
            Mismatch(keys["id"], "id", activity.Id);
        }

        if (keys.TryGetValue("minutes", out var minutesLine) && translated.Minutes != activity.Minutes)
        {
            Mismatch(minutesLine, "minutes", activity.Minutes is { } m ? Number(m) : "");
        }

        if (translated.Prompts.Count != activity.Prompts.Count)
        {
            var line = translated.Prompts.Count > activity.Prompts.Count ? headings[activity.Prompts.Count] : header;
            problems.Add(ActivityProblem.Of(line, "File.TranslationStepCount", translated.Prompts.Count, activity.Prompts.Count));
        }

        for (var step = 0; step < Math.Min(translated.Prompts.Count, activity.Prompts.Count); step++)
        {
            var (mine, theirs, own) = (activity.Prompts[step], translated.Prompts[step], stepKeys[step]);
            int LineOf(string key) => own.TryGetValue(key, out var line) ? line : headings[step];
            if (mine.Kind != theirs.Kind)
            {
                problems.Add(ActivityProblem.Of(headings[step], "File.TranslationKind", step + 1, KindName(mine), KindName(theirs)));
                continue;
            }

            var grammar = ActivityGrammar.For(mine.Kind);
            var expected = Structure(mine).ToDictionary(s => s.Key, s => s.Value);
            var found = Structure(theirs).ToDictionary(s => s.Key, s => s.Value);
            foreach (var key in grammar.Where(s => !s.IsWords).Select(s => s.Name).Where(k => expected.GetValueOrDefault(k) != found.GetValueOrDefault(k)))
            {
                Mismatch(LineOf(key), key, expected.GetValueOrDefault(key) ?? "");
            }

            foreach (var setting in grammar.Where(s => s.Entries is not null))
            {
                var (count, expectedCount) = (setting.Entries!(theirs), setting.Entries(mine));
                if (count != expectedCount)
                {
                    problems.Add(ActivityProblem.Of(LineOf(setting.Name), "File.TranslationCount", setting.Name, count, expectedCount));
                }
            }

            // Words the first language sets must be translated (a translation that leaves out a default-valued one, such as item-label, would read as the first language's).
            foreach (var setting in grammar.Where(s => s.IsWords && s.Write(mine).Count > 0 && !own.ContainsKey(s.Name)))
            {
                problems.Add(ActivityProblem.Of(headings[step], "File.TranslationNeedsText", setting.Name));
            }
        }

        if (language is not null && problems.Count == before)
        {
            translations.Add(language, ActivityText.Of(translated));
        }
    }

    /// <summary>A step's structural settings (not words) as the file writes them (defaults left out).</summary>
    private static IEnumerable<(string Key, string Value)> Structure(Prompt prompt) =>
        ActivityGrammar.For(prompt.Kind).Where(s => !s.IsWords).SelectMany(s => s.Write(prompt).Select(value => (s.Name, value)));

    private static void WriteStepWords(StringBuilder text, Prompt prompt)
    {
        text.Append("## ").Append(KindName(prompt)).Append(": ").Append(OneLine(prompt.Title)).Append('\n');
        foreach (var setting in ActivityGrammar.For(prompt.Kind).Where(s => s.IsWords))
        {
            foreach (var value in (setting.Translate ?? setting.Write)(prompt))
            {
                Line(text, setting.Name, value);
            }
        }

        var body = prompt.Body.ReplaceLineEndings("\n").Trim('\n', ' ', '\t', '\r');
        if (body.Length > 0)
        {
            text.Append('\n').Append(body).Append('\n');
        }
    }

    private static string KindName(Prompt prompt) => PromptKinds.Of(prompt.Kind).Name;

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append(key).Append(": ").Append(OneLine(value)).Append('\n');

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
