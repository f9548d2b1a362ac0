using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary><c>compare</c>: two labelled sides (<c>left</c>, <c>right</c>) answered together; slot 0 is the left side, 1 the right.</summary>
public sealed class CompareKind : KindModule
{
    public override PromptKind Kind => PromptKind.Compare;

    public override bool HasThemes => true;

    public override IReadOnlyList<StepSetting> Settings { get; } =
    [
        StepSetting.Text("left", PromptKind.Compare, "", p => p.LeftLabel, (p, v) => p with { LeftLabel = v }),
        StepSetting.Text("right", PromptKind.Compare, "", p => p.RightLabel, (p, v) => p with { RightLabel = v }),
    ];

    internal override void CheckFile(Prompt prompt, FileStep step)
    {
        if (prompt.LeftLabel.Length == 0 || prompt.RightLabel.Length == 0)
        {
            step.Problem(step.HeadingLine, "File.CompareNeedsLabels");
        }
    }

    internal override void Check(Prompt prompt, StepRules rules)
    {
        if (string.IsNullOrWhiteSpace(prompt.LeftLabel))
        {
            rules.Add("left", "Rule.CompareLeftMissing");
        }

        if (string.IsNullOrWhiteSpace(prompt.RightLabel))
        {
            rules.Add("right", "Rule.CompareRightMissing");
        }

        rules.Entries("left", [prompt.LeftLabel]);
        rules.Entries("right", [prompt.RightLabel]);
    }

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems)
    {
        string[] labels = [prompt.LeftLabel, prompt.RightLabel];
        for (var side = 0; side < 2; side++)
        {
            var sideText = AnswerRules.Clean(parts.FirstOrDefault(p => p.Slot == side)?.Text);
            if (sideText.Length == 0)
            {
                problems.Add(new(side, DomainText.Format("Answer.Compare.BothSides", labels[side])));
            }
            else if (sideText.Length > AnswerLimits.ItemMaxLength)
            {
                problems.Add(new(side, TooLong(sideText.Length, AnswerLimits.ItemMaxLength)));
            }
        }

        if (parts.Any(p => p.Slot is < 0 or > 1))
        {
            problems.Add(new(null, DomainText.Get("Answer.Compare.TwoSides")));
        }
    }
}
