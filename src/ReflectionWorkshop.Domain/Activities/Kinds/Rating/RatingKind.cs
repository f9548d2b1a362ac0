using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary>
/// <c>rating</c>: several <c>item</c>s, each placed on one <c>scale</c> (labels lowest first; the answer's
/// value 1 is the first label). Results stay hidden below <c>anonymity-floor</c> answers.
/// </summary>
public sealed class RatingKind : KindModule
{
    public override PromptKind Kind => PromptKind.Rating;

    public override IReadOnlyList<StepSetting> Settings { get; } =
    [
        new StepSetting
        {
            Name = "scale",
            Kind = PromptKind.Rating,
            IsWords = true,
            Entries = p => p.Scale.Count,
            Read = (prompt, step) =>
            {
                if (step.Find("scale") is not { } scale)
                {
                    step.Problem(step.HeadingLine, "File.RatingNeedsScale");
                    return prompt;
                }

                var labels = scale.Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (labels.Length < 2 || labels.Length > AnswerLimits.ScaleMaxPoints)
                {
                    step.Problem(scale.Line, "File.ScaleSize", AnswerLimits.ScaleMaxPoints, labels.Length);
                }

                return prompt with { Scale = labels };
            },

            // One line in the file, the labels separated by '|'; one label a line in the editor.
            Write = p => [string.Join(" | ", p.Scale.Select(StepSetting.OneLine))],
            Typed = p => string.Join('\n', p.Scale),
            ReadTyped = (p, typed) => p with { Scale = StepSetting.Lines(typed.Text("scale")) },
        },
        StepSetting.Repeated("item", PromptKind.Rating, p => p.Items, (p, v) => p with { Items = v }, (items, step) =>
        {
            if (items.Count == 0 || items.Count > AnswerLimits.MaxOptions)
            {
                step.Problem(step.HeadingLine, "File.RatingItems", AnswerLimits.MaxOptions, items.Count);
            }
        }),
        StepSetting.Number("anonymity-floor", PromptKind.Rating, 1, ActivityRules.AnonymityFloorMax, Prompt.DefaultAnonymityFloor, p => p.AnonymityFloor, (p, v) => p with { AnonymityFloor = v }),
    ];

    internal override void Check(Prompt prompt, StepRules rules)
    {
        if (prompt.Scale.Count == 0)
        {
            rules.Add("scale", "Rule.ScaleMissing");
        }
        else if (prompt.Scale.Count is < 2 or > AnswerLimits.ScaleMaxPoints)
        {
            rules.Add("scale", "Rule.ScaleSize", AnswerLimits.ScaleMaxPoints, prompt.Scale.Count);
        }
        else if (prompt.Scale.FirstOrDefault(label => label.Contains('|', StringComparison.Ordinal)) is { } barred)
        {
            // The file writes the scale on one line, separated by '|'.
            rules.Add("scale", "Rule.ScaleBar", barred);
        }
        else
        {
            rules.Entries("scale", prompt.Scale);
        }

        if (prompt.Items.Count is < 1 or > AnswerLimits.MaxOptions)
        {
            rules.Add("item", "Rule.RatingItems", AnswerLimits.MaxOptions, prompt.Items.Count);
        }
        else
        {
            rules.Entries("item", prompt.Items);
        }

        if (prompt.AnonymityFloor is < 1 or > ActivityRules.AnonymityFloorMax)
        {
            rules.Add("anonymity-floor", "Rule.FloorRange", ActivityRules.AnonymityFloorMax);
        }
    }

    /// <summary>Every rated item is kept, answered or not: the rules name the missing ones.</summary>
    public override bool Keeps(AnswerPart part) => true;

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems)
    {
        for (var item = 0; item < prompt.Items.Count; item++)
        {
            var value = parts.FirstOrDefault(p => p.Slot == item)?.Value;
            if (value is null)
            {
                problems.Add(new(item, DomainText.Format("Answer.Rating.Missing", prompt.Items[item])));
            }
            else if (value < 1 || value > prompt.Scale.Count)
            {
                problems.Add(new(item, DomainText.Format("Answer.Rating.OutOfScale", prompt.Items[item], prompt.Scale.Count)));
            }
        }

        if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.Items.Count))
        {
            problems.Add(new(null, DomainText.Get("Answer.Rating.UnknownItem")));
        }
    }
}
