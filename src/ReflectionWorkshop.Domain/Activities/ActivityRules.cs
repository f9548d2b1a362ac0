using System.Text.RegularExpressions;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// What an activity may hold, however it was written: in the editor, or in a file (the parser checks
/// these too once a file reads cleanly, so anything importable can also be saved and exported).
/// Each problem names the step and the setting (as in the file) it belongs to.
/// </summary>
public static partial class ActivityRules
{
    public const int TitleMaxLength = 200;
    public const int PurposeMaxLength = 1000;
    public const int BodyMaxLength = 4000;
    public const int MaxSteps = 100;
    public const int MinutesMax = 600;
    public const int AnonymityFloorMax = 50;

    /// <summary>The longest timer a session runs (<c>Session.LongestTimer</c>).</summary>
    public const int TimerMaxMinutes = 60;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();

    public static bool IsValidId(string id) => id.Length is > 0 and <= 100 && IdPattern().IsMatch(id);

    public static bool IsValidLanguage(string language) => LanguagePattern().IsMatch(language);

    public static IReadOnlyList<ActivityProblem> Validate(Activity activity)
    {
        var problems = new List<ActivityProblem>();
        void Add(int? step, string? field, string code, params object[] args) => problems.Add(ActivityProblem.At(step, field, code, args));

        if (!IsValidId(activity.Id))
        {
            Add(null, "id", "Rule.IdInvalid", activity.Id);
        }

        CheckTitle(null, activity.Title, "Rule.TitleMissing", "Rule.TitleTooLong", Add);
        if (string.IsNullOrWhiteSpace(activity.Purpose))
        {
            Add(null, "purpose", "Rule.PurposeMissing");
        }
        else if (activity.Purpose.Length > PurposeMaxLength)
        {
            Add(null, "purpose", "Rule.PurposeTooLong", PurposeMaxLength, activity.Purpose.Length);
        }

        if (!IsValidLanguage(activity.Language))
        {
            Add(null, "language", "Rule.LanguageInvalid");
        }

        if (activity.Minutes is < 1 or > MinutesMax)
        {
            Add(null, "minutes", "Rule.MinutesRange", 1, MinutesMax);
        }

        if (activity.Prompts.Count == 0)
        {
            Add(null, null, "Rule.NoSteps");
        }
        else if (activity.Prompts.Count > MaxSteps)
        {
            Add(null, null, "Rule.TooManySteps", MaxSteps, activity.Prompts.Count);
        }

        for (var step = 0; step < activity.Prompts.Count; step++)
        {
            CheckStep(activity.Prompts, step, Add);
        }

        return problems;
    }

    internal delegate void AddProblem(int? step, string? field, string code, params object[] args);

    private static void CheckTitle(int? step, string title, string missing, string tooLong, AddProblem add)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            add(step, "title", missing);
        }
        else if (title.Length > TitleMaxLength)
        {
            add(step, "title", tooLong, TitleMaxLength, title.Length);
        }
    }

    internal static void CheckEntries(int step, string field, IEnumerable<string> entries, AddProblem add)
    {
        if (entries.FirstOrDefault(e => e.Length > TitleMaxLength) is { } longest)
        {
            add(step, field, "Rule.EntryTooLong", TitleMaxLength, longest.Length);
        }
    }

    private static void CheckStep(IReadOnlyList<Prompt> prompts, int step, AddProblem add)
    {
        var prompt = prompts[step];
        CheckTitle(step, prompt.Title, "Rule.StepTitleMissing", "Rule.StepTitleTooLong", add);
        if (prompt.Body.Length > BodyMaxLength)
        {
            add(step, "body", "Rule.BodyTooLong", BodyMaxLength, prompt.Body.Length);
        }
        else if (prompt.Body.ReplaceLineEndings("\n").Split('\n').Any(line => line.StartsWith("## ", StringComparison.Ordinal) || line.TrimEnd() == "##"))
        {
            // In the file a body line '## …' starts the next step, so the activity could not be exported.
            add(step, "body", "Rule.BodyHeading");
        }

        if (!Enum.IsDefined(prompt.Kind))
        {
            // Only a damaged snapshot or archive holds such a step; nothing else about it can be checked.
            add(step, null, "Rule.UnknownKind", string.Join(", ", PromptKinds.All.Select(k => k.Name)));
            return;
        }

        PromptKinds.Of(prompt.Kind).Check(prompt, new StepRules(step, add));

        if (prompt.TimerMinutes is < 1 or > TimerMaxMinutes)
        {
            add(step, "timer", "Rule.TimerRange", TimerMaxMinutes);
        }

        if (prompt.ContextFrom is not null && prompt.ContextTop is < 1 or > AnswerLimits.BallotMaxThemes)
        {
            add(step, "context-top", "Rule.ContextTopRange", AnswerLimits.BallotMaxThemes);
        }

        CheckReferences(prompts, step, add);
    }

    /// <summary>
    /// Where the step's references point (<c>themes-from</c>, <c>context-from</c>: the grammar's step numbers):
    /// at an earlier step, of a kind the setting accepts. The one check of step references, for the editor
    /// and for files alike; a null step is one a file could not read, so only its place is known.
    /// </summary>
    public static IReadOnlyList<ActivityProblem> References(IReadOnlyList<Prompt?> prompts)
    {
        var problems = new List<ActivityProblem>();
        for (var step = 0; step < prompts.Count; step++)
        {
            CheckReferences(prompts, step, (s, field, code, args) => problems.Add(ActivityProblem.At(s, field, code, args)));
        }

        return problems;
    }

    private static void CheckReferences(IReadOnlyList<Prompt?> prompts, int step, AddProblem add)
    {
        if (prompts[step] is not { } prompt || !Enum.IsDefined(prompt.Kind))
        {
            return;
        }

        foreach (var setting in ActivityGrammar.For(prompt.Kind))
        {
            if (setting is { Reference: { } reference } && setting.TargetOf(prompt) is { } target
                && CheckEarlier(prompts.Count, step, target, setting.Name, add)
                && prompts[target] is { } source && !(Enum.IsDefined(source.Kind) && reference.Accepts(PromptKinds.Of(source.Kind))))
            {
                add(step, setting.Name, reference.WrongKindCode, target + 1, source.Title);
            }
        }
    }

    /// <summary>A step may only point back, never at itself or a later step.</summary>
    private static bool CheckEarlier(int steps, int step, int target, string field, AddProblem add)
    {
        if (target < 0 || target >= steps)
        {
            add(step, field, "Rule.SourceMissingStep", target + 1);
            return false;
        }

        if (target >= step)
        {
            add(step, field, "Rule.SourceNotEarlier", target + 1, step + 1);
            return false;
        }

        return true;
    }
}

/// <summary>What a kind's rules (<see cref="KindModule"/>) report at one step, each problem at its setting.</summary>
public sealed class StepRules
{
    private readonly ActivityRules.AddProblem _add;

    internal StepRules(int step, ActivityRules.AddProblem add)
    {
        Step = step;
        _add = add;
    }

    public int Step { get; }

    public void Add(string? field, string code, params object[] args) => _add(Step, field, code, args);

    /// <summary>Each label, item or option is at most a title's length.</summary>
    public void Entries(string field, IEnumerable<string> entries) => ActivityRules.CheckEntries(Step, field, entries, _add);
}
