using System.Globalization;
using System.Text.RegularExpressions;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>One thing wrong with an activity file, at a 1-based line.</summary>
public sealed record ActivityFileProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>
/// The outcome of reading an activity file: an activity, or every problem found.
/// Never both: a file with one problem loads nothing, so a half-read activity cannot reach a room.
/// </summary>
public sealed record ActivityFileResult(Activity? Activity, IReadOnlyList<ActivityFileProblem> Problems)
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
    private const int TitleMaxLength = 200;

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
    private static readonly string[] CommonSettings = ["context-from", "context-top"];

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
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var problems = new List<ActivityFileProblem>();
        var index = 0;

        var header = ReadFrontMatter(lines, ref index, problems);
        var prompts = ReadSteps(lines, index, problems);

        if (problems.Count > 0 || header is null)
        {
            return new ActivityFileResult(null, problems);
        }

        return new ActivityFileResult(header with { Prompts = prompts }, []);
    }

    private static Activity? ReadFrontMatter(string[] lines, ref int index, List<ActivityFileProblem> problems)
    {
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            problems.Add(new(1, "The file must open with a front matter block: a line '---', then id, title and purpose, then '---'."));
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
                problems.Add(new(lineNumber, $"Expected 'key: value' in the front matter, found '{line}'."));
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (!FrontMatterKeys.Contains(key))
            {
                problems.Add(new(lineNumber, $"Unknown front matter key '{key}'; the keys are {string.Join(", ", FrontMatterKeys)}."));
            }
            else if (!values.TryAdd(key, (value, lineNumber)))
            {
                problems.Add(new(lineNumber, $"'{key}' is given twice in the front matter."));
            }
        }

        if (!closed)
        {
            problems.Add(new(1, "The front matter block is never closed: add a line '---' after the last key."));
            return null;
        }

        var frontMatterEnd = index;
        string Required(string key)
        {
            if (values.TryGetValue(key, out var found) && found.Value.Length > 0)
            {
                return found.Value;
            }

            problems.Add(new(frontMatterEnd, $"The front matter needs '{key}'."));
            return "";
        }

        var id = Required("id");
        var title = Required("title");
        var purpose = Required("purpose");

        if (id.Length > 0 && !IdPattern().IsMatch(id))
        {
            problems.Add(new(values["id"].Line, $"The id '{id}' may use only lowercase letters, digits and single hyphens (for example 'two-team-compare')."));
        }

        if (title.Length > TitleMaxLength)
        {
            problems.Add(new(values["title"].Line, $"The title is {title.Length} characters long; the limit is {TitleMaxLength}."));
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
                problems.Add(new(lang.Line, $"The language '{lang.Value}' should be a two-letter code such as 'en' or 'es'."));
            }
        }

        int? minutes = null;
        if (values.TryGetValue("minutes", out var min))
        {
            minutes = ParseNumber(min.Value, min.Line, "minutes", 1, 600, problems);
        }

        return new Activity { Id = id, Title = title, Purpose = purpose, Language = language, Minutes = minutes, Prompts = [] };
    }

    private static List<Prompt> ReadSteps(string[] lines, int index, List<ActivityFileProblem> problems)
    {
        var prompts = new List<Prompt>();
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }

        if (index < lines.Length && !lines[index].StartsWith("##", StringComparison.Ordinal))
        {
            problems.Add(new(index + 1, "Only blank lines may stand between the front matter and the first step; start each step with '## kind: title'."));
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
            var prompt = ReadStep(lines, start, index, problems);
            if (prompt is not null)
            {
                CheckReferences(prompt, prompts, stepCount, start + 1, problems);
                prompts.Add(prompt);
            }
        }

        if (prompts.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(lines.Length, "The activity has no steps; add at least one '## kind: title' heading."));
        }

        return prompts;
    }

    private static bool IsStepHeading(string line) =>
        line.StartsWith("## ", StringComparison.Ordinal) || line.TrimEnd() == "##";

    private static Prompt? ReadStep(string[] lines, int start, int end, List<ActivityFileProblem> problems)
    {
        var headingLine = start + 1;
        var match = StepHeading().Match(lines[start].TrimEnd());
        if (!match.Success)
        {
            problems.Add(new(headingLine, "A step heading reads '## kind: title', for example '## text: What did you learn?'."));
            return null;
        }

        var kindName = match.Groups[1].Value.ToLowerInvariant();
        var title = match.Groups[2].Value.Trim();
        if (!Enum.TryParse<PromptKind>(kindName, ignoreCase: true, out var kind) || kindName.Contains('-'))
        {
            var kinds = string.Join(", ", Enum.GetNames<PromptKind>().Select(n => n.ToLowerInvariant()));
            problems.Add(new(headingLine, $"Unknown step kind '{kindName}'; the kinds are {kinds}."));
            return null;
        }

        var problemsBefore = problems.Count;
        if (title.Length == 0)
        {
            problems.Add(new(headingLine, "The step has no title: write the question after the colon."));
        }
        else if (title.Length > TitleMaxLength)
        {
            problems.Add(new(headingLine, $"The step title is {title.Length} characters long; the limit is {TitleMaxLength}."));
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
                var common = string.Join(" and ", CommonSettings);
                var expected = own.Length == 0
                    ? $"it takes none of its own; any step takes {common}"
                    : $"allowed: {string.Join(", ", own)}; any step also takes {common}";
                var article = kindName == "info" ? "an" : "a";
                problems.Add(new(line, $"Unknown setting '{key}' for {article} {kindName} step ({expected}). Leave a blank line between the settings and the body."));
            }
            else if (!RepeatableSettings.Contains(key) && settings.Count(s => s.Key == key) > 1 && settings.First(s => s.Key == key).Line != line)
            {
                problems.Add(new(line, $"'{key}' is given twice for this step."));
            }
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

        return problems.Count == problemsBefore ? prompt : null;
    }

    private static Prompt ReadText(Prompt prompt, List<(string Key, string Value, int Line)> settings, List<ActivityFileProblem> problems)
    {
        var maxLength = Find(settings, "max-length");
        return maxLength is { } m
            ? prompt with { MaxLength = ParseNumber(m.Value, m.Line, "max-length", 1, AnswerLimits.TextMaxLength, problems) ?? AnswerLimits.TextMaxLength }
            : prompt;
    }

    private static Prompt ReadList(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityFileProblem> problems)
    {
        var max = Find(settings, "max");
        if (max is null)
        {
            problems.Add(new(headingLine, $"A list step needs 'max: N', the number of items (1 to {AnswerLimits.ListMaxItems})."));
            return prompt;
        }

        var maxItems = ParseNumber(max.Value.Value, max.Value.Line, "max", 1, AnswerLimits.ListMaxItems, problems);
        var minItems = 1;
        if (Find(settings, "min") is { } min)
        {
            minItems = ParseNumber(min.Value, min.Line, "min", 1, AnswerLimits.ListMaxItems, problems) ?? 1;
            if (maxItems is not null && minItems > maxItems)
            {
                problems.Add(new(min.Line, $"'min' ({minItems}) is more than 'max' ({maxItems}): a participant could never finish this list."));
            }
        }

        var label = Find(settings, "item-label")?.Value is { Length: > 0 } l ? l : "Item";
        return prompt with { MinItems = minItems, MaxItems = maxItems ?? 1, ItemLabel = label };
    }

    private static Prompt ReadCompare(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityFileProblem> problems)
    {
        var left = Find(settings, "left")?.Value ?? "";
        var right = Find(settings, "right")?.Value ?? "";
        if (left.Length == 0 || right.Length == 0)
        {
            problems.Add(new(headingLine, "A compare step needs both 'left: label' and 'right: label'."));
        }

        return prompt with { LeftLabel = left, RightLabel = right };
    }

    private static Prompt ReadRating(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityFileProblem> problems)
    {
        string[] scale = [];
        if (Find(settings, "scale") is { } s)
        {
            scale = s.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (scale.Length < 2 || scale.Length > AnswerLimits.ScaleMaxPoints)
            {
                problems.Add(new(s.Line, $"The scale needs 2 to {AnswerLimits.ScaleMaxPoints} labels separated by '|', lowest first; found {scale.Length}."));
            }
        }
        else
        {
            problems.Add(new(headingLine, "A rating step needs a scale, for example 'scale: Not yet | Somewhat | Fully'."));
        }

        var items = All(settings, "item");
        if (items.Count == 0 || items.Count > AnswerLimits.MaxOptions)
        {
            problems.Add(new(headingLine, $"A rating step needs 1 to {AnswerLimits.MaxOptions} 'item: …' lines, one per thing to rate; found {items.Count}."));
        }

        var floor = Find(settings, "anonymity-floor") is { } f
            ? ParseNumber(f.Value, f.Line, "anonymity-floor", 1, 50, problems) ?? Prompt.DefaultAnonymityFloor
            : Prompt.DefaultAnonymityFloor;

        return prompt with { Scale = scale, Items = items, AnonymityFloor = floor };
    }

    private static Prompt ReadVote(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityFileProblem> problems)
    {
        int? source = null;
        if (Find(settings, "themes-from") is { } from)
        {
            source = ParseStepNumber(from.Value, from.Line, "themes-from", problems);
        }
        else
        {
            problems.Add(new(headingLine, "A vote step needs 'themes-from: N', the number of the earlier step whose themes the room votes on."));
        }

        var dots = Find(settings, "dots") is { } d
            ? ParseNumber(d.Value, d.Line, "dots", 1, AnswerLimits.MaxDots, problems) ?? Prompt.DefaultDots
            : Prompt.DefaultDots;

        return prompt with { ThemesFrom = source, Dots = dots };
    }

    private static Prompt ReadContext(Prompt prompt, List<(string Key, string Value, int Line)> settings, List<ActivityFileProblem> problems)
    {
        var from = Find(settings, "context-from");
        var top = Find(settings, "context-top");
        if (from is null)
        {
            if (top is { } t)
            {
                problems.Add(new(t.Line, "'context-top' says how many themes of 'context-from' to show; add 'context-from: N' too."));
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
    private static int? ParseStepNumber(string value, int line, string key, List<ActivityFileProblem> problems) =>
        ParseNumber(value, line, key, 1, 100, problems) - 1;

    /// <summary>A step may only point back: at a step before it, of a kind that has themes.</summary>
    private static void CheckReferences(Prompt prompt, List<Prompt> earlier, int number, int line, List<ActivityFileProblem> problems)
    {
        // Earlier steps with problems are not in the list, so their count tells whether the numbering still holds.
        var complete = earlier.Count == number - 1;
        if (prompt.ThemesFrom is { } source)
        {
            if (source >= number - 1)
            {
                problems.Add(new(line, $"'themes-from: {source + 1}' must point at an earlier step; this is step {number}."));
            }
            else if (complete && !earlier[source].CanBeThemed)
            {
                problems.Add(new(line, $"Step {source + 1} is a {earlier[source].Kind.ToString().ToLowerInvariant()} step; a vote takes its themes from a text, list or compare step."));
            }
        }

        if (prompt.ContextFrom is { } context)
        {
            if (context >= number - 1)
            {
                problems.Add(new(line, $"'context-from: {context + 1}' must point at an earlier step; this is step {number}."));
            }
            else if (complete && !(earlier[context].CanBeThemed || earlier[context].Kind == PromptKind.Vote))
            {
                problems.Add(new(line, $"Step {context + 1} is a {earlier[context].Kind.ToString().ToLowerInvariant()} step; context comes from the themes of a text, list or compare step, or from a vote."));
            }
        }
    }

    private static Prompt ReadChoice(Prompt prompt, List<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityFileProblem> problems)
    {
        var options = All(settings, "option");
        if (options.Count < 2 || options.Count > AnswerLimits.MaxOptions)
        {
            problems.Add(new(headingLine, $"A choice step needs 2 to {AnswerLimits.MaxOptions} 'option: …' lines; found {options.Count}."));
        }

        if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
        {
            problems.Add(new(headingLine, "Two options of this choice step read the same; make each option different."));
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
                    problems.Add(new(m.Line, $"'multiple' is 'yes' or 'no', not '{m.Value}'."));
                    break;
            }
        }

        return prompt with { Options = options, Multiple = multiple };
    }

    private static (string Value, int Line)? Find(List<(string Key, string Value, int Line)> settings, string key) =>
        settings.Where(s => s.Key == key).Select(s => ((string Value, int Line)?)(s.Value, s.Line)).FirstOrDefault();

    private static List<string> All(List<(string Key, string Value, int Line)> settings, string key) =>
        settings.Where(s => s.Key == key && s.Value.Length > 0).Select(s => s.Value).ToList();

    private static int? ParseNumber(string value, int line, string key, int min, int max, List<ActivityFileProblem> problems)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add(new(line, $"'{key}' must be a whole number from {min} to {max}, not '{value}'."));
        return null;
    }
}
