using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary><c>choice</c>: one of the <c>option</c>s, or several with <c>multiple: yes</c>; the answer's slots are the chosen options.</summary>
public sealed class ChoiceKind : KindModule
{
    public override PromptKind Kind => PromptKind.Choice;

    public override IReadOnlyList<StepSetting> Settings { get; } =
    [
        StepSetting.Repeated("option", PromptKind.Choice, p => p.Options, (p, v) => p with { Options = v }, (options, step) =>
        {
            if (options.Count < 2 || options.Count > AnswerLimits.MaxOptions)
            {
                step.Problem(step.HeadingLine, "File.ChoiceOptions", AnswerLimits.MaxOptions, options.Count);
            }

            if (options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != options.Count)
            {
                step.Problem(step.HeadingLine, "File.ChoiceOptionsRepeat");
            }
        }),
        StepSetting.YesNo("multiple", PromptKind.Choice, p => p.Multiple, (p, v) => p with { Multiple = v }),
    ];

    internal override void Check(Prompt prompt, StepRules rules)
    {
        if (prompt.Options.Count is < 2 or > AnswerLimits.MaxOptions)
        {
            rules.Add("option", "Rule.ChoiceOptions", AnswerLimits.MaxOptions, prompt.Options.Count);
        }
        else if (prompt.Options.GroupBy(o => o, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            rules.Add("option", "Rule.ChoiceRepeat", repeated.Key);
        }
        else
        {
            rules.Entries("option", prompt.Options);
        }
    }

    public override bool Keeps(AnswerPart part) => true;

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems)
    {
        if (parts.Count == 0)
        {
            problems.Add(new(null, DomainText.Get(prompt.Multiple ? "Answer.Choice.PickAtLeastOne" : "Answer.Choice.PickOne")));
        }
        else if (!prompt.Multiple && parts.Count > 1)
        {
            problems.Add(new(null, DomainText.Get("Answer.Choice.JustOne")));
        }

        if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.Options.Count))
        {
            problems.Add(new(null, DomainText.Get("Answer.Choice.Unknown")));
        }
    }
}
