using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary><c>text</c>: one free answer, up to <c>max-length</c> characters.</summary>
public sealed class TextKind : KindModule
{
    public override PromptKind Kind => PromptKind.Text;

    public override bool HasThemes => true;

    public override IReadOnlyList<StepSetting> Settings { get; } =
    [
        StepSetting.Number("max-length", PromptKind.Text, 1, AnswerLimits.TextMaxLength, AnswerLimits.TextMaxLength, p => p.MaxLength, (p, v) => p with { MaxLength = v }),
    ];

    internal override void Check(Prompt prompt, StepRules rules)
    {
        if (prompt.MaxLength is < 1 or > AnswerLimits.TextMaxLength)
        {
            rules.Add("max-length", "Rule.MaxLengthRange", AnswerLimits.TextMaxLength);
        }
    }

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems)
    {
        var text = AnswerRules.Clean(parts.FirstOrDefault(p => p.Slot == 0)?.Text);
        if (parts.Any(p => p.Slot != 0))
        {
            problems.Add(new(null, DomainText.Get("Answer.Text.OneField")));
        }
        else if (text.Length == 0)
        {
            problems.Add(new(0, DomainText.Get("Answer.Text.Empty")));
        }
        else if (text.Length > prompt.MaxLength)
        {
            problems.Add(new(0, TooLong(text.Length, prompt.MaxLength)));
        }
    }
}
