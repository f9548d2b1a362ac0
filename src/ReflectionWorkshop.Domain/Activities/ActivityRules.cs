using System.Text.RegularExpressions;

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

    private delegate void AddProblem(int? step, string? field, string code, params object[] args);

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

    private static void CheckEntries(int step, string field, IEnumerable<string> entries, AddProblem add)
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

        switch (prompt.Kind)
        {
            case PromptKind.Text:
                if (prompt.MaxLength is < 1 or > AnswerLimits.TextMaxLength)
                {
                    add(step, "max-length", "Rule.MaxLengthRange", AnswerLimits.TextMaxLength);
                }

                break;

            case PromptKind.List:
                var maxValid = prompt.MaxItems is >= 1 and <= AnswerLimits.ListMaxItems;
                if (!maxValid)
                {
                    add(step, "max", "Rule.ListMaxRange", AnswerLimits.ListMaxItems);
                }

                if (prompt.MinItems is < 1 or > AnswerLimits.ListMaxItems)
                {
                    add(step, "min", "Rule.ListMinRange", AnswerLimits.ListMaxItems);
                }
                else if (maxValid && prompt.MinItems > prompt.MaxItems)
                {
                    add(step, "min", "Rule.ListMinAboveMax", prompt.MinItems, prompt.MaxItems);
                }

                CheckEntries(step, "item-label", [prompt.ItemLabel], add);
                break;

            case PromptKind.Compare:
                if (string.IsNullOrWhiteSpace(prompt.LeftLabel))
                {
                    add(step, "left", "Rule.CompareLeftMissing");
                }

                if (string.IsNullOrWhiteSpace(prompt.RightLabel))
                {
                    add(step, "right", "Rule.CompareRightMissing");
                }

                CheckEntries(step, "left", [prompt.LeftLabel], add);
                CheckEntries(step, "right", [prompt.RightLabel], add);
                break;

            case PromptKind.Rating:
                if (prompt.Scale.Count == 0)
                {
                    add(step, "scale", "Rule.ScaleMissing");
                }
                else if (prompt.Scale.Count is < 2 or > AnswerLimits.ScaleMaxPoints)
                {
                    add(step, "scale", "Rule.ScaleSize", AnswerLimits.ScaleMaxPoints, prompt.Scale.Count);
                }
                else if (prompt.Scale.FirstOrDefault(label => label.Contains('|', StringComparison.Ordinal)) is { } barred)
                {
                    // The file writes the scale on one line, separated by '|'.
                    add(step, "scale", "Rule.ScaleBar", barred);
                }
                else
                {
                    CheckEntries(step, "scale", prompt.Scale, add);
                }

                if (prompt.Items.Count is < 1 or > AnswerLimits.MaxOptions)
                {
                    add(step, "item", "Rule.RatingItems", AnswerLimits.MaxOptions, prompt.Items.Count);
                }
                else
                {
                    CheckEntries(step, "item", prompt.Items, add);
                }

                if (prompt.AnonymityFloor is < 1 or > AnonymityFloorMax)
                {
                    add(step, "anonymity-floor", "Rule.FloorRange", AnonymityFloorMax);
                }

                break;

            case PromptKind.Choice:
                if (prompt.Options.Count is < 2 or > AnswerLimits.MaxOptions)
                {
                    add(step, "option", "Rule.ChoiceOptions", AnswerLimits.MaxOptions, prompt.Options.Count);
                }
                else if (prompt.Options.GroupBy(o => o, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
                {
                    add(step, "option", "Rule.ChoiceRepeat", repeated.Key);
                }
                else
                {
                    CheckEntries(step, "option", prompt.Options, add);
                }

                break;

            case PromptKind.Vote:
                if (prompt.ThemesFrom is not { } source)
                {
                    add(step, "themes-from", "Rule.VoteSourceMissing");
                }
                else if (CheckEarlier(prompts, step, source, "themes-from", add) && !prompts[source].CanBeThemed)
                {
                    add(step, "themes-from", "Rule.VoteSourceKind", source + 1, prompts[source].Title);
                }

                if (prompt.Dots is < 1 or > AnswerLimits.MaxDots)
                {
                    add(step, "dots", "Rule.DotsRange", AnswerLimits.MaxDots);
                }

                break;
        }

        if (prompt.TimerMinutes is < 1 or > TimerMaxMinutes)
        {
            add(step, "timer", "Rule.TimerRange", TimerMaxMinutes);
        }

        if (prompt.ContextFrom is { } context)
        {
            if (CheckEarlier(prompts, step, context, "context-from", add)
                && !(prompts[context].CanBeThemed || prompts[context].Kind == PromptKind.Vote))
            {
                add(step, "context-from", "Rule.ContextSourceKind", context + 1, prompts[context].Title);
            }

            if (prompt.ContextTop is < 1 or > AnswerLimits.BallotMaxThemes)
            {
                add(step, "context-top", "Rule.ContextTopRange", AnswerLimits.BallotMaxThemes);
            }
        }
    }

    /// <summary>A step may only point back, never at itself or a later step.</summary>
    private static bool CheckEarlier(IReadOnlyList<Prompt> prompts, int step, int target, string field, AddProblem add)
    {
        if (target < 0 || target >= prompts.Count)
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
