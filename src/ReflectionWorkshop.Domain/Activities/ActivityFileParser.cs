using System.Globalization;
using System.Text.RegularExpressions;

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

    private static readonly Dictionary<PromptKind, string[]> SettingsByKind = new()
    {
        [PromptKind.Text] = ["max-length"],
        [PromptKind.List] = ["min", "max", "item-label"],
        [PromptKind.Compare] = ["left", "right"],
        [PromptKind.Rating] = ["scale", "item", "anonymity-floor"],
        [PromptKind.Choice] = ["option", "multiple"],
        [PromptKind.Info] = [],
        [PromptKind.Vote] = ["themes-from", "dots"],
    };

    /// <summary>Settings every kind of step takes: the earlier step whose top themes it shows as context.</summary>
    private static readonly string[] CommonSettings = ["context-from", "context-top", "timer", "reveal"];

    private static readonly string[] RepeatableSettings = ["item", "option"];

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
        var prompts = ReadSteps(lines, index, problems, out var stepLines);

        if (problems.Count > 0 || header is null)
        {
            return new ActivityFileResult(null, problems);
        }

        // The file reads cleanly; it must also hold what the editor would accept, so that anything
        // imported can be saved and exported again. Each problem goes to its setting's line.
        var activity = header with { Prompts = prompts };
        var ruled = ActivityRules.Validate(activity).Select(p => p with { Line = LineOf(p, keyLines, stepLines) }).ToList();
        return ruled.Count > 0 ? new ActivityFileResult(null, ruled) : new ActivityFileResult(activity, []);
    }

    private sealed record StepLines(int Heading, IReadOnlyDictionary<string, int> Settings);

    private static int LineOf(ActivityProblem problem, IReadOnlyDictionary<string, int> keyLines, IReadOnlyList<StepLines> stepLines)
    {
        if (problem.Step is not { } step)
        {
            return problem.Field is { } key && keyLines.TryGetValue(key, out var keyLine) ? keyLine : keyLines["---"];
        }

        var lines = stepLines[step];
        return problem.Field is { } field && lines.Settings.TryGetValue(field, out var line) ? line : lines.Heading;
    }

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

    private static List<Prompt> ReadSteps(string[] lines, int index, List<ActivityProblem> problems, out List<StepLines> stepLines)
    {
        var prompts = new List<Prompt>();
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

        var stepCount = 0;
        while (index < lines.Length)
        {
            var start = index;
            index++;
            while (index < lines.Length && !IsStepHeading(lines[index]))
            {
                index++;
            }

            stepCount++;
            var prompt = ReadStep(lines, start, index, problems, out var settingLines);
            if (prompt is not null)
            {
                stepLines.Add(new(start + 1, settingLines));
                CheckReferences(prompt, prompts, stepCount, start + 1, problems);
                prompts.Add(prompt);
            }
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
        if (!Enum.TryParse<PromptKind>(kindName, ignoreCase: true, out var kind) || kindName.Contains('-'))
        {
            var kinds = string.Join(", ", Enum.GetNames<PromptKind>().Select(n => n.ToLowerInvariant()));
            problems.Add(ActivityProblem.Of(headingLine, "File.UnknownKind", kindName, kinds));
            return null;
        }

        var problemsBefore = problems.Count;
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

        var allowed = SettingsByKind[kind].Concat(CommonSettings).ToArray();
        foreach (var (key, _, line) in settings)
        {
            if (!allowed.Contains(key))
            {
                var own = SettingsByKind[kind];
                var common = string.Join(", ", CommonSettings);
                problems.Add(own.Length == 0
                    ? ActivityProblem.Of(line, "File.UnknownSettingNoOwn", key, kindName, common)
                    : ActivityProblem.Of(line, "File.UnknownSetting", key, kindName, string.Join(", ", own), common));
            }
            else if (!RepeatableSettings.Contains(key) && settings.Count(s => s.Key == key) > 1 && settings.First(s => s.Key == key).Line != line)
            {
                problems.Add(ActivityProblem.Of(line, "File.SettingTwice", key));
            }
        }

        foreach (var (key, _, line) in settings)
        {
            settingLines.TryAdd(key, line);
        }

        var body = string.Join('\n', lines[index..end]).Trim('\n', ' ', '\t', '\r');
        var prompt = new Prompt { Kind = kind, Title = title, Body = body };
        prompt = kind switch
        {
            PromptKind.Text => ReadText(prompt, settings, problems),
            PromptKind.List => ReadList(prompt, settings, headingLine, problems),
            PromptKind.Compare => ReadCompare(prompt, settings, headingLine, problems),
            PromptKind.Rating => ReadRating(prompt, settings, headingLine, problems),
            PromptKind.Choice => ReadChoice(prompt, settings, headingLine, problems),
            PromptKind.Vote => ReadVote(prompt, settings, headingLine, problems),
            _ => prompt,
        };
        prompt = ReadContext(prompt, settings, problems);
        if (Find(settings, "timer") is { } timer)
        {
            prompt = prompt with { TimerMinutes = ParseNumber(timer.Value, timer.Line, "timer", 1, ActivityRules.TimerMaxMinutes, problems) };
        }

        if (Find(settings, "reveal") is { } reveal)
        {
            if (RevealRules.Parse(reveal.Value) is { } rule)
            {
                prompt = prompt with { Reveal = rule };
            }
            else
            {
                problems.Add(ActivityProblem.Of(reveal.Line, "File.RevealValue", reveal.Value.Trim(), string.Join(", ", RevealRules.Names)));
            }
        }

        return problems.Count == problemsBefore ? prompt : null;
    }

    private static Prompt ReadText(Prompt prompt, List<(string Key, string Value, int Line)> settings, List<ActivityProblem> problems)
    {
        var maxLength = Find(settings, "max-length");
        return maxLength is { } m
            ? prompt with { MaxLength = ParseNumber(m.Value, m.Line, "max-length", 1, AnswerLimits.TextMaxLength, problems) ?? AnswerLimits.TextMaxLength }
            : prompt;
    }

    private static Prompt ReadList(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityProblem> problems)
    {
        var max = Find(settings, "max");
        if (max is null)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.ListNeedsMax", AnswerLimits.ListMaxItems));
            return prompt;
        }

        var maxItems = ParseNumber(max.Value.Value, max.Value.Line, "max", 1, AnswerLimits.ListMaxItems, problems);
        var minItems = 1;
        if (Find(settings, "min") is { } min)
        {
            minItems = ParseNumber(min.Value, min.Line, "min", 1, AnswerLimits.ListMaxItems, problems) ?? 1;
            if (maxItems is not null && minItems > maxItems)
            {
                problems.Add(ActivityProblem.Of(min.Line, "File.ListMinAboveMax", minItems, maxItems));
            }
        }

        var label = Find(settings, "item-label")?.Value is { Length: > 0 } l ? l : "Item";
        return prompt with { MinItems = minItems, MaxItems = maxItems ?? 1, ItemLabel = label };
    }

    private static Prompt ReadCompare(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityProblem> problems)
    {
        var left = Find(settings, "left")?.Value ?? "";
        var right = Find(settings, "right")?.Value ?? "";
        if (left.Length == 0 || right.Length == 0)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.CompareNeedsLabels"));
        }

        return prompt with { LeftLabel = left, RightLabel = right };
    }

    private static Prompt ReadRating(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityProblem> problems)
    {
        string[] scale = [];
        if (Find(settings, "scale") is { } s)
        {
            scale = s.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (scale.Length < 2 || scale.Length > AnswerLimits.ScaleMaxPoints)
            {
                problems.Add(ActivityProblem.Of(s.Line, "File.ScaleSize", AnswerLimits.ScaleMaxPoints, scale.Length));
            }
        }
        else
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.RatingNeedsScale"));
        }

        var items = All(settings, "item");
        if (items.Count == 0 || items.Count > AnswerLimits.MaxOptions)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.RatingItems", AnswerLimits.MaxOptions, items.Count));
        }

        var floor = Find(settings, "anonymity-floor") is { } f
            ? ParseNumber(f.Value, f.Line, "anonymity-floor", 1, 50, problems) ?? Prompt.DefaultAnonymityFloor
            : Prompt.DefaultAnonymityFloor;

        return prompt with { Scale = scale, Items = items, AnonymityFloor = floor };
    }

    private static Prompt ReadVote(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityProblem> problems)
    {
        int? source = null;
        if (Find(settings, "themes-from") is { } from)
        {
            source = ParseStepNumber(from.Value, from.Line, "themes-from", problems);
        }
        else
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.VoteNeedsSource"));
        }

        var dots = Find(settings, "dots") is { } d
            ? ParseNumber(d.Value, d.Line, "dots", 1, AnswerLimits.MaxDots, problems) ?? Prompt.DefaultDots
            : Prompt.DefaultDots;

        return prompt with { ThemesFrom = source, Dots = dots };
    }

    private static Prompt ReadContext(Prompt prompt, List<(string Key, string Value, int Line)> settings, List<ActivityProblem> problems)
    {
        var from = Find(settings, "context-from");
        var top = Find(settings, "context-top");
        if (from is null)
        {
            if (top is { } t)
            {
                problems.Add(ActivityProblem.Of(t.Line, "File.ContextTopAlone"));
            }

            return prompt;
        }

        var step = ParseStepNumber(from.Value.Value, from.Value.Line, "context-from", problems);
        var count = top is { } c
            ? ParseNumber(c.Value, c.Line, "context-top", 1, AnswerLimits.BallotMaxThemes, problems) ?? Prompt.DefaultContextTop
            : Prompt.DefaultContextTop;
        return prompt with { ContextFrom = step, ContextTop = count };
    }

    /// <summary>Steps are numbered from 1 in files (as people count them) and from 0 inside.</summary>
    private static int? ParseStepNumber(string value, int line, string key, List<ActivityProblem> problems) =>
        ParseNumber(value, line, key, 1, 100, problems) - 1;

    /// <summary>A step may only point back: at a step before it, of a kind that has themes.</summary>
    private static void CheckReferences(Prompt prompt, List<Prompt> earlier, int number, int line, List<ActivityProblem> problems)
    {
        // Earlier steps with problems are not in the list, so their count tells whether the numbering still holds.
        var complete = earlier.Count == number - 1;
        if (prompt.ThemesFrom is { } source)
        {
            if (source >= number - 1)
            {
                problems.Add(ActivityProblem.Of(line, "File.SourceNotEarlier", "themes-from", source + 1, number));
            }
            else if (complete && !earlier[source].CanBeThemed)
            {
                problems.Add(ActivityProblem.Of(line, "File.VoteSourceKind", source + 1, earlier[source].Kind.ToString().ToLowerInvariant()));
            }
        }

        if (prompt.ContextFrom is { } context)
        {
            if (context >= number - 1)
            {
                problems.Add(ActivityProblem.Of(line, "File.SourceNotEarlier", "context-from", context + 1, number));
            }
            else if (complete && !(earlier[context].CanBeThemed || earlier[context].Kind == PromptKind.Vote))
            {
                problems.Add(ActivityProblem.Of(line, "File.ContextSourceKind", context + 1, earlier[context].Kind.ToString().ToLowerInvariant()));
            }
        }
    }

    private static Prompt ReadChoice(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityProblem> problems)
    {
        var options = All(settings, "option");
        if (options.Count < 2 || options.Count > AnswerLimits.MaxOptions)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.ChoiceOptions", AnswerLimits.MaxOptions, options.Count));
        }

        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            problems.Add(ActivityProblem.Of(headingLine, "File.ChoiceOptionsRepeat"));
        }

        var multiple = false;
        if (Find(settings, "multiple") is { } m)
        {
            switch (m.Value.ToLowerInvariant())
            {
                case "yes" or "true":
                    multiple = true;
                    break;
                case "no" or "false":
                    break;
                default:
                    problems.Add(ActivityProblem.Of(m.Line, "File.MultipleYesNo", m.Value));
                    break;
            }
        }

        return prompt with { Options = options, Multiple = multiple };
    }

    private static (string Value, int Line)? Find(List<(string Key, string Value, int Line)> settings, string key) =>
        settings.Where(s => s.Key == key).Select(s => ((string Value, int Line)?)(s.Value, s.Line)).FirstOrDefault();

    private static List<string> All(List<(string Key, string Value, int Line)> settings, string key) =>
        settings.Where(s => s.Key == key && s.Value.Length > 0).Select(s => s.Value).ToList();

    private static int? ParseNumber(string value, int line, string key, int min, int max, List<ActivityProblem> problems)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add(ActivityProblem.Of(line, "File.Number", key, min, max, value));
        return null;
    }
}
