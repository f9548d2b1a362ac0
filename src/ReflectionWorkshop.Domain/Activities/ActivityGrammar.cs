using System.Globalization;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// The settings of a step in the activity file (docs/activity-format.md), as one table: each row says
/// its name, which kind takes it (or every kind), whether it repeats, whether it is words (translated in
/// each language) or structure (the first language's), how it is read from the file and from the
/// editor's form, and how it is written. The parser, the writer, the several-languages layer and the
/// editor's draft all go through these rows; a kind's own rows live in its folder
/// (<c>Activities/Kinds/…</c>), the rows every step takes are here.
/// </summary>
public static class ActivityGrammar
{
    /// <summary>Settings every step takes, whatever its kind; written after the kind's own.</summary>
    public static IReadOnlyList<StepSetting> Common { get; } =
    [
        StepSetting.StepNumber(
            "context-from", null, p => p.ContextFrom, (p, v) => p with { ContextFrom = v },
            new StepReference(k => k.GivesContext, "Rule.ContextSourceKind")),
        ContextTop(),
        StepSetting.OptionalNumber("timer", null, 1, ActivityRules.TimerMaxMinutes, p => p.TimerMinutes, (p, v) => p with { TimerMinutes = v }),
        Reveal(),
    ];

    /// <summary>The settings a step of <paramref name="kind"/> takes, in the order the file writes them: its own, then the common ones.</summary>
    public static IReadOnlyList<StepSetting> For(PromptKind kind) => [.. PromptKinds.Of(kind).Settings, .. Common];

    /// <summary>Every setting of every kind, each kind's own first.</summary>
    public static IReadOnlyList<StepSetting> All { get; } = [.. PromptKinds.All.SelectMany(k => k.Settings), .. Common];

    /// <summary>How many of <c>context-from</c>'s themes are shown; read and written only with <c>context-from</c>.</summary>
    private static StepSetting ContextTop() => new()
    {
        Name = "context-top",
        Read = (prompt, step) =>
        {
            if (step.Find("context-top") is not { } top)
            {
                return prompt;
            }

            if (step.Find("context-from") is null)
            {
                step.Problem(top.Line, "File.ContextTopAlone");
                return prompt;
            }

            return prompt with { ContextTop = step.Number(top, "context-top", 1, AnswerLimits.BallotMaxThemes) ?? Prompt.DefaultContextTop };
        },
        Write = p => p.ContextFrom is not null && p.ContextTop != Prompt.DefaultContextTop ? [StepSetting.N(p.ContextTop)] : [],
        Typed = p => StepSetting.N(p.ContextTop),
        ReadTyped = (p, typed) => p.ContextFrom is null ? p : p with { ContextTop = typed.Number("context-top", Prompt.DefaultContextTop)!.Value },
    };

    private static StepSetting Reveal() => new()
    {
        Name = "reveal",
        Read = (prompt, step) =>
        {
            if (step.Find("reveal") is not { } reveal)
            {
                return prompt;
            }

            if (RevealRules.Parse(reveal.Value) is { } rule)
            {
                return prompt with { Reveal = rule };
            }

            step.Problem(reveal.Line, "File.RevealValue", reveal.Value.Trim(), string.Join(", ", RevealRules.Names));
            return prompt;
        },
        Write = p => p.Reveal != RevealRule.Manual ? [RevealRules.Name(p.Reveal)] : [],
        Typed = p => RevealRules.Name(p.Reveal),

        // The editor's select offers only the three rules; anything else a browser could send means the default.
        ReadTyped = (p, typed) => p with { Reveal = RevealRules.Parse(typed.Text("reveal")) ?? RevealRule.Manual },
    };
}

/// <summary>A setting that names an earlier step, and what kind of step it may name.</summary>
/// <param name="Accepts">Whether the named step's kind is one this setting may point at.</param>
/// <param name="WrongKindCode">The problem when it is not (arguments: the step's number and title).</param>
public sealed record StepReference(Func<KindModule, bool> Accepts, string WrongKindCode);

/// <summary>One row of <see cref="ActivityGrammar"/>. Build rows with the factories below; a row with its own way of reading sets the functions itself.</summary>
public sealed record StepSetting
{
    /// <summary>The key in the file ("max-length"); problems about the setting carry it as their field.</summary>
    public required string Name { get; init; }

    /// <summary>The kind that takes it; null when every step does.</summary>
    public PromptKind? Kind { get; init; }

    /// <summary>Whether it is given once per value, one line each (<c>item</c>, <c>option</c>).</summary>
    public bool Repeats { get; init; }

    /// <summary>Words people read, translated in each language of a file; otherwise how the step runs, which belongs to the first language.</summary>
    public bool IsWords { get; init; }

    /// <summary>Words given as several entries: how many the step has (a translation must have as many).</summary>
    public Func<Prompt, int>? Entries { get; init; }

    /// <summary>Set when the value is the number of an earlier step.</summary>
    public StepReference? Reference { get; init; }

    /// <summary>Reads the setting from a step of the file (it may be absent) into the prompt, reporting what is wrong at its line.</summary>
    public required Func<Prompt, FileStep, Prompt> Read { get; init; }

    /// <summary>The values the file holds for the prompt, one line each; none when it is at its default.</summary>
    public required Func<Prompt, IReadOnlyList<string>> Write { get; init; }

    /// <summary>What a translation block writes (words only); the same as <see cref="Write"/> unless set.</summary>
    public Func<Prompt, IReadOnlyList<string>>? Translate { get; init; }

    /// <summary>The value as the editor's form shows it.</summary>
    public required Func<Prompt, string?> Typed { get; init; }

    /// <summary>Reads the value as typed in the editor's form; a value that is not a number is noted and its default used.</summary>
    public required Func<Prompt, TypedSettings, Prompt> ReadTyped { get; init; }

    /// <summary>The earlier step the prompt names with this setting, zero-based; null for none (and for settings that name no step).</summary>
    public Func<Prompt, int?> TargetOf { get; private init; } = _ => null;

    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; left out of the file at <paramref name="fallback"/>, required when there is no default (<paramref name="requiredCode"/> says so at the heading).</summary>
    public static StepSetting Number(
        string name, PromptKind? kind, int min, int max, int? fallback, Func<Prompt, int> get, Func<Prompt, int, Prompt> set,
        string? requiredCode = null, params object[] requiredArgs) => new()
        {
            Name = name,
            Kind = kind,
            Read = (prompt, step) =>
            {
                if (step.Find(name) is not { } found)
                {
                    if (requiredCode is not null)
                    {
                        step.Problem(step.HeadingLine, requiredCode, requiredArgs);
                    }

                    return prompt;
                }

                return step.Number(found, name, min, max) is { } value ? set(prompt, value) : fallback is { } f ? set(prompt, f) : prompt;
            },
            Write = p => fallback is { } f && get(p) == f ? [] : [N(get(p))],
            Typed = p => N(get(p)),

            // A required number left empty in the editor reads as 0, so the rules name it.
            ReadTyped = (p, typed) => set(p, typed.Number(name, fallback ?? 0)!.Value),
        };

    /// <summary>A whole number that may be left out (null).</summary>
    public static StepSetting OptionalNumber(string name, PromptKind? kind, int min, int max, Func<Prompt, int?> get, Func<Prompt, int?, Prompt> set) => new()
    {
        Name = name,
        Kind = kind,
        Read = (prompt, step) => step.Find(name) is { } found ? set(prompt, step.Number(found, name, min, max)) : prompt,
        Write = p => get(p) is { } value ? [N(value)] : [],
        Typed = p => get(p) is { } value ? N(value) : null,
        ReadTyped = (p, typed) => set(p, typed.Number(name, null)),
    };

    /// <summary>The number of an earlier step: from 1 in the file and the editor, from 0 in the prompt. The rules check where it points (<see cref="ActivityRules"/>).</summary>
    public static StepSetting StepNumber(
        string name, PromptKind? kind, Func<Prompt, int?> get, Func<Prompt, int?, Prompt> set, StepReference reference, string? requiredCode = null) => new()
        {
            Name = name,
            Kind = kind,
            Reference = reference,
            TargetOf = get,
            Read = (prompt, step) =>
            {
                if (step.Find(name) is not { } found)
                {
                    if (requiredCode is not null)
                    {
                        step.Problem(step.HeadingLine, requiredCode);
                    }

                    return prompt;
                }

                return set(prompt, step.Number(found, name, 1, 100) - 1);
            },
            Write = p => get(p) is { } value ? [N(value + 1)] : [],
            Typed = p => get(p) is { } value ? N(value + 1) : null,
            ReadTyped = (p, typed) => set(p, typed.Number(name, null) - 1),
        };

    /// <summary>One line of words; left out of the file when it reads <paramref name="fallback"/> (an empty fallback: always written).</summary>
    public static StepSetting Text(string name, PromptKind kind, string fallback, Func<Prompt, string> get, Func<Prompt, string, Prompt> set) => new()
    {
        Name = name,
        Kind = kind,
        IsWords = true,
        Read = (prompt, step) => set(prompt, step.Find(name)?.Value is { Length: > 0 } value ? value : fallback),
        Write = p => fallback.Length > 0 && get(p) == fallback ? [] : [get(p)],
        Typed = get,
        ReadTyped = (p, typed) => set(p, OneLine(typed.Text(name)) is { Length: > 0 } value ? value : fallback),
    };

    /// <summary>Words given one line each in the file (<c>item: …</c>), one per line in the editor; <paramref name="check"/> sees them all once read.</summary>
    public static StepSetting Repeated(
        string name, PromptKind kind, Func<Prompt, IReadOnlyList<string>> get, Func<Prompt, IReadOnlyList<string>, Prompt> set,
        Action<IReadOnlyList<string>, FileStep> check) => new()
        {
            Name = name,
            Kind = kind,
            Repeats = true,
            IsWords = true,
            Entries = p => get(p).Count,
            Read = (prompt, step) =>
            {
                var values = step.All(name);
                check(values, step);
                return set(prompt, values);
            },
            Write = get,
            Typed = p => string.Join('\n', get(p)),
            ReadTyped = (p, typed) => set(p, Lines(typed.Text(name))),
        };

    /// <summary><c>yes</c> or <c>no</c> in the file (written only when yes), a checkbox in the editor.</summary>
    public static StepSetting YesNo(string name, PromptKind kind, Func<Prompt, bool> get, Func<Prompt, bool, Prompt> set) => new()
    {
        Name = name,
        Kind = kind,
        Read = (prompt, step) =>
        {
            if (step.Find(name) is not { } found)
            {
                return prompt;
            }

            switch (found.Value.ToLowerInvariant())
            {
                case "yes" or "true":
                    return set(prompt, true);
                case "no" or "false":
                    return set(prompt, false);
                default:
                    step.Problem(found.Line, "File.YesNo", name, found.Value);
                    return prompt;
            }
        },
        Write = p => get(p) ? ["yes"] : [],
        Typed = p => get(p) ? "true" : null,
        ReadTyped = (p, typed) => set(p, string.Equals(typed.Text(name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase)),
    };

    internal static string OneLine(string? value) => (value ?? "").ReplaceLineEndings(" ").Trim();

    internal static List<string> Lines(string? value) =>
        (value ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>One step's settings as the file gives them, for the rows of <see cref="ActivityGrammar"/> to read; problems go to their lines.</summary>
public sealed class FileStep
{
    private readonly IReadOnlyList<(string Key, string Value, int Line)> _settings;
    private readonly List<ActivityProblem> _problems;
    private readonly HashSet<string> _failed = [];

    internal FileStep(IReadOnlyList<(string Key, string Value, int Line)> settings, int headingLine, List<ActivityProblem> problems)
    {
        _settings = settings;
        _problems = problems;
        HeadingLine = headingLine;
    }

    public int HeadingLine { get; }

    /// <summary>The first line that gives <paramref name="key"/>, or null.</summary>
    public (string Value, int Line)? Find(string key) =>
        _settings.Where(s => s.Key == key).Select(s => ((string Value, int Line)?)(s.Value, s.Line)).FirstOrDefault();

    /// <summary>Every non-empty value given for a repeating key, in order.</summary>
    public IReadOnlyList<string> All(string key) => _settings.Where(s => s.Key == key && s.Value.Length > 0).Select(s => s.Value).ToList();

    public void Problem(int line, string code, params object[] args) => _problems.Add(ActivityProblem.Of(line, code, args));

    /// <summary>The value as a whole number in range, or null with a problem at its line.</summary>
    public int? Number((string Value, int Line) found, string key, int min, int max)
    {
        var number = ParseNumber(found.Value, found.Line, key, min, max, _problems);
        if (number is null)
        {
            _failed.Add(key);
        }

        return number;
    }

    /// <summary>Whether a number given for <paramref name="key"/> could not be read.</summary>
    public bool Failed(string key) => _failed.Contains(key);

    internal static int? ParseNumber(string value, int line, string key, int min, int max, List<ActivityProblem> problems)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        problems.Add(ActivityProblem.Of(line, "File.Number", key, min, max, value));
        return null;
    }
}

/// <summary>
/// One step's settings as typed in the editor's form, by setting name: numbers stay text until read here,
/// and one that is not a whole number is noted (<c>Editor.NotANumber</c>) and read as its default, so the
/// rules do not report the same field twice.
/// </summary>
public sealed class TypedSettings(int? step, Func<string, string?> value)
{
    public List<ActivityProblem> Unreadable { get; } = [];

    public string? Text(string setting) => value(setting);

    public int? Number(string setting, int? fallback) => ReadNumber(step, setting, value(setting), fallback, Unreadable);

    /// <summary>A number as typed: empty gives <paramref name="fallback"/>; anything else not a whole number is noted and gives it too.</summary>
    public static int? ReadNumber(int? step, string field, string? value, int? fallback, List<ActivityProblem> unreadable)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        unreadable.Add(new ActivityProblem(0, $"'{text}' is not a whole number.") { Code = "Editor.NotANumber", Args = [text], Step = step, Field = field });
        return fallback;
    }
}
