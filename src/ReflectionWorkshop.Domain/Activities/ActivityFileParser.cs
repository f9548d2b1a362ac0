using System.Text.RegularExpressions;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// The outcome of reading an activity file: an activity, or every problem found.
/// Never both: a file with one problem loads nothing, so a half-read activity cannot reach a room.
/// </summary>
public sealed record ActivityFileResult(Activity? Activity, IReadOnlyList<ActivityProblem> Problems)
{
    public bool IsValid => Activity is not null;
}

/// <summary>
/// Reads the activity file format documented in docs/activity-format.md: a front matter block of
/// <c>key: value</c> lines, then steps that each start with <c>## kind: title</c>, their settings
/// directly below, a blank line and a Markdown body. Pure text in, no I/O, so it is unit-tested
/// directly and can later serve the in-app import.
/// </summary>
public static partial class ActivityFileParser
{
    private const int TitleMaxLength = ActivityRules.TitleMaxLength;

    private static readonly string[] FrontMatterKeys = ["id", "title", "purpose", "language", "minutes"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"^##\s+([A-Za-z-]+)\s*:\s*(.*)$")]
    private static partial Regex StepHeading();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z-]*)\s*:\s*(.*)$")]
    private static partial Regex Setting();

    public static ActivityFileResult Parse(string text)
    {
        if (ActivityFileLanguages.HasTranslations(text))
        {
            return ActivityFileLanguages.Parse(text);
        }

        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var problems = new List<ActivityProblem>();
        var index = 0;

        var header = ReadFrontMatter(lines, ref index, problems, out var keyLines);
        var steps = ReadSteps(lines, index, problems, out var stepLines);

        if (problems.Count > 0 || header is null)
        {
            // The steps that read still have their references checked (by the rules, the one check of them),
            // so a file with several mistakes shows them all at once.
            foreach (var reference in ActivityRules.References(steps))
            {
                var line = LineOf(reference, keyLines, stepLines);
                var at = problems.FindIndex(p => p.Line > line);
                problems.Insert(at < 0 ? problems.Count : at, reference with { Line = line });
            }

            return new ActivityFileResult(null, problems);
        }

        // The file reads cleanly; it must also hold what the editor would accept, so that anything
        // imported can be saved and exported again. Each problem goes to its setting's line.
        var activity = header with { Prompts = steps.Select(s => s!).ToList() };
        var ruled = ActivityRules.Validate(activity).Select(p => p with { Line = LineOf(p, keyLines, stepLines) }).ToList();
        return ruled.Count > 0 ? new ActivityFileResult(null, ruled) : new ActivityFileResult(activity, []);
    }

    private sealed record StepLines(int Heading, IReadOnlyDictionary<string, int> Settings);

    private static int LineOf(ActivityProblem problem, IReadOnlyDictionary<string, int> keyLines, IReadOnlyList<StepLines> stepLines)
    {
        if (problem.Step is not { } step)
        {
            return problem.Field is { } key && keyLines.TryGetValue(key, out var keyLine) ? keyLine : keyLines.GetValueOrDefault("---", 1);
        }

        // A step reference (themes-from, context-from) is reported at the step's heading, where the step's number shows.
        var lines = stepLines[step];
        return problem.Field is { } field && !IsReference(field) && lines.Settings.TryGetValue(field, out var line) ? line : lines.Heading;
    }

    private static bool IsReference(string field) => ActivityGrammar.All.Any(s => s.Name == field && s.Reference is not null);

    private static Activity? ReadFrontMatter(string[] lines, ref int index, List<ActivityProblem> problems, out Dictionary<string, int> keyLines)
    {
        keyLines = [];
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(ActivityProblem.Of(1, "File.NoFrontMatter"));
            return null;
        }

        var values = new Dictionary<string, (string Value, int Line)>();
        index = 1;
        var closed = false;
        for (; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            var lineNumber = index + 1;
            if (line == "---")
            {
                closed = true;
                index++;
                break;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                // The closing '---' was forgotten: stop here rather than report every step as a bad key.
                break;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                problems.Add(ActivityProblem.Of(lineNumber, "File.FrontMatterLine", line));
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (!FrontMatterKeys.Contains(key))
            {
                problems.Add(ActivityProblem.Of(lineNumber, "File.UnknownFrontMatterKey", key, string.Join(", ", FrontMatterKeys)));
            }
            else if (!values.TryAdd(key, (value, lineNumber)))
            {
                problems.Add(ActivityProblem.Of(lineNumber, "File.FrontMatterKeyTwice", key));
            }
        }

        if (!closed)
        {
            problems.Add(ActivityProblem.Of(1, "File.FrontMatterNotClosed"));
            return null;
        }

        var frontMatterEnd = index;
        keyLines = values.ToDictionary(v => v.Key, v => v.Value.Line);
        keyLines["---"] = frontMatterEnd;
        string Required(string key)
        {
            if (values.TryGetValue(key, out var found) && found.Value.Length > 0)
            {
                return found.Value;
            }

            problems.Add(ActivityProblem.Of(frontMatterEnd, "File.FrontMatterNeeds", key));
            return "";
        }

        var id = Required("id");
        var title = Required("title");
        var purpose = Required("purpose");

        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            problems.Add(ActivityProblem.Of(values["id"].Line, "File.IdInvalid", id));
        }

        if (title.Length > TitleMaxLength)
        {
            problems.Add(ActivityProblem.Of(values["title"].Line, "File.TitleTooLong", title.Length, TitleMaxLength));
        }

        var language = "en";
        if (values.TryGetValue("language", out var lang))
        {
            if (LanguagePattern().IsMatch(lang.Value))
            {
                language = lang.Value;
            }
            else
            {
                problems.Add(ActivityProblem.Of(lang.Line, "File.LanguageInvalid", lang.Value));
            }
        }

        int? minutes = null;
        if (values.TryGetValue("minutes", out var min))
        {
            minutes = ParseNumber(min.Value, min.Line, "minutes", 1, 600, problems);
        }

        return new Activity { Id = id, Title = title, Purpose = purpose, Language = language, Minutes = minutes, Prompts = [] };
    }

    /// <summary>Every step in order: as read, or null where its heading could not be read (so the numbering holds).</summary>
    private static List<Prompt?> ReadSteps(string[] lines, int index, List<ActivityProblem> problems, out List<StepLines> stepLines)
    {
        var prompts = new List<Prompt?>();
        stepLines = [];
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }

        if (index < lines.Length && !lines[index].StartsWith("##", StringComparison.Ordinal))
        {
            problems.Add(ActivityProblem.Of(index + 1, "File.TextBeforeFirstStep"));
            while (index < lines.Length && !lines[index].StartsWith("##", StringComparison.Ordinal))
            {
                index++;
            }
        }

        while (index < lines.Length)
        {
            var start = index;
            index++;
            while (index < lines.Length && !IsStepHeading(lines[index]))
            {
                index++;
            }

            prompts.Add(ReadStep(lines, start, index, problems, out var settingLines));
            stepLines.Add(new(start + 1, settingLines));
        }

        if (prompts.Count == 0 && problems.Count == 0)
        {
            problems.Add(ActivityProblem.Of(lines.Length, "File.NoSteps"));
        }

        return prompts;
    }

    private static bool IsStepHeading(string line) =>
        line.StartsWith("## ", StringComparison.Ordinal) || line.TrimEnd() == "##";

    private static Prompt? ReadStep(string[] lines, int start, int end, List<ActivityProblem> problems, out Dictionary<string, int> settingLines)
    {
        settingLines = [];
        var headingLine = start + 1;
        var match = StepHeading().Match(lines[start].TrimEnd());
        if (!match.Success)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.StepHeading"));
            return null;
        }

        var kindName = match.Groups[1].Value.ToLowerInvariant();
        var title = match.Groups[2].Value.Trim();
        if (PromptKinds.Named(kindName) is not { } kind)
        {
            var kinds = string.Join(", ", PromptKinds.All.Select(k => k.Name));
            problems.Add(ActivityProblem.Of(headingLine, "File.UnknownKind", kindName, kinds));
            return null;
        }

        if (title.Length == 0)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.StepNoTitle"));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.StepTitleTooLong", title.Length, TitleMaxLength));
        }

        // Settings sit directly under the heading; the first line that is not 'key: value' starts the body.
        var settings = new List<(string Key, string Value, int Line)>();
        var index = start + 1;
        for (; index < end; index++)
        {
            var setting = Setting().Match(lines[index].Trim());
            if (lines[index].Trim().Length == 0 || !setting.Success)
            {
                break;
            }

            settings.Add((setting.Groups[1].Value.ToLowerInvariant(), setting.Groups[2].Value.Trim(), index + 1));
        }

        var grammar = ActivityGrammar.For(kind.Kind);
        foreach (var (key, _, line) in settings)
        {
            if (grammar.FirstOrDefault(s => s.Name == key) is not { } setting)
            {
                var own = kind.Settings.Select(s => s.Name).ToList();
                var common = string.Join(", ", ActivityGrammar.Common.Select(s => s.Name));
                problems.Add(own.Count == 0
                    ? ActivityProblem.Of(line, "File.UnknownSettingNoOwn", key, kind.Name, common)
                    : ActivityProblem.Of(line, "File.UnknownSetting", key, kind.Name, string.Join(", ", own), common));
            }
            else if (!setting.Repeats && settings.First(s => s.Key == key).Line != line)
            {
                problems.Add(ActivityProblem.Of(line, "File.SettingTwice", key));
            }
        }

        foreach (var (key, _, line) in settings)
        {
            settingLines.TryAdd(key, line);
        }

        var body = string.Join('\n', lines[index..end]).Trim('\n', ' ', '\t', '\r');
        var prompt = new Prompt { Kind = kind.Kind, Title = title, Body = body };
        var step = new FileStep(settings, headingLine, problems);
        foreach (var setting in grammar)
        {
            prompt = setting.Read(prompt, step);
        }

        kind.CheckFile(prompt, step);
        return prompt;
    }

    private static int? ParseNumber(string value, int line, string key, int min, int max, List<ActivityProblem> problems) =>
        FileStep.ParseNumber(value, line, key, min, max, problems);
}
