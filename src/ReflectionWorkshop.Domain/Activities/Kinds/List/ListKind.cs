using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary>
/// <c>list</c>: several short items, between <c>min</c> and <c>max</c>, each field labelled with
/// <c>item-label</c> and a number. <c>actions: yes</c> says the items are actions the room commits to,
/// so the summary lists every one.
/// </summary>
public sealed class ListKind : KindModule
{
    public override PromptKind Kind => PromptKind.List;

    public override bool HasThemes => true;

    public override IReadOnlyList<StepSetting> Settings { get; } =
    [
        StepSetting.Number("min", PromptKind.List, 1, AnswerLimits.ListMaxItems, 1, p => p.MinItems, (p, v) => p with { MinItems = v }),
        StepSetting.Number("max", PromptKind.List, 1, AnswerLimits.ListMaxItems, null, p => p.MaxItems, (p, v) => p with { MaxItems = v }, "File.ListNeedsMax", AnswerLimits.ListMaxItems),
        StepSetting.Text("item-label", PromptKind.List, Prompt.DefaultItemLabel, p => p.ItemLabel, (p, v) => p with { ItemLabel = v }) with
        {
            // Written in every translation even when it is the default word, so a translation never silently shows the first language's.
            Translate = p => [p.ItemLabel],
        },
        StepSetting.YesNo("actions", PromptKind.List, p => p.HoldsActions, (p, v) => p with { HoldsActions = v }),
    ];

    internal override void CheckFile(Prompt prompt, FileStep step)
    {
        if (step.Find("min") is { } min && step.Find("max") is not null && !step.Failed("min") && !step.Failed("max") && prompt.MinItems > prompt.MaxItems)
        {
            step.Problem(min.Line, "File.ListMinAboveMax", prompt.MinItems, prompt.MaxItems);
        }
    }

    internal override void Check(Prompt prompt, StepRules rules)
    {
        var maxValid = prompt.MaxItems is >= 1 and <= AnswerLimits.ListMaxItems;
        if (!maxValid)
        {
            rules.Add("max", "Rule.ListMaxRange", AnswerLimits.ListMaxItems);
        }

        if (prompt.MinItems is < 1 or > AnswerLimits.ListMaxItems)
        {
            rules.Add("min", "Rule.ListMinRange", AnswerLimits.ListMaxItems);
        }
        else if (maxValid && prompt.MinItems > prompt.MaxItems)
        {
            rules.Add("min", "Rule.ListMinAboveMax", prompt.MinItems, prompt.MaxItems);
        }

        rules.Entries("item-label", [prompt.ItemLabel]);
    }

    /// <summary>Items are renumbered, so "items 1 and 3 filled" is stored as two items, in order.</summary>
    public override IReadOnlyList<AnswerPart> Stored(IReadOnlyList<AnswerPart> parts) => parts.Select((p, i) => p with { Slot = i }).ToList();

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems)
    {
        var filled = parts.Where(p => AnswerRules.Clean(p.Text).Length > 0).ToList();
        if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.MaxItems) || filled.Count > prompt.MaxItems)
        {
            problems.Add(new(null, DomainText.Format(prompt.MaxItems == 1 ? "Answer.List.TooMany.One" : "Answer.List.TooMany.Other", prompt.MaxItems)));
        }

        foreach (var part in filled.Where(p => AnswerRules.Clean(p.Text).Length > AnswerLimits.ItemMaxLength))
        {
            problems.Add(new(part.Slot, TooLong(AnswerRules.Clean(part.Text).Length, AnswerLimits.ItemMaxLength)));
        }

        if (filled.Count < prompt.MinItems)
        {
            problems.Add(new(null, prompt.MinItems == 1
                ? DomainText.Get("Answer.List.AtLeastOne")
                : DomainText.Format("Answer.List.AtLeast", prompt.MinItems, filled.Count)));
        }
    }
}
