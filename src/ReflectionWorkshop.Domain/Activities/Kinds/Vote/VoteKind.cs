using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary>
/// <c>vote</c>: each person spends <c>dots</c> on the themes made from the earlier step <c>themes-from</c>.
/// The prompt's options are the ballot, filled when the vote opens (<c>Session.PromptAt</c>); the answer's
/// slots are ballot positions and its values the dots placed.
/// </summary>
public sealed class VoteKind : KindModule
{
    public override PromptKind Kind => PromptKind.Vote;

    /// <summary>A vote's top-voted themes can be a later step's context.</summary>
    public override bool GivesContext => true;

    public override IReadOnlyList<StepSetting> Settings { get; } =
    [
        StepSetting.StepNumber(
            "themes-from", PromptKind.Vote, p => p.ThemesFrom, (p, v) => p with { ThemesFrom = v },
            new StepReference(k => k.HasThemes, "Rule.VoteSourceKind"), "File.VoteNeedsSource"),
        StepSetting.Number("dots", PromptKind.Vote, 1, AnswerLimits.MaxDots, Prompt.DefaultDots, p => p.Dots, (p, v) => p with { Dots = v }),
    ];

    internal override void Check(Prompt prompt, StepRules rules)
    {
        // Where themes-from points is checked with every other step reference (ActivityRules).
        if (prompt.ThemesFrom is null)
        {
            rules.Add("themes-from", "Rule.VoteSourceMissing");
        }

        if (prompt.Dots is < 1 or > AnswerLimits.MaxDots)
        {
            rules.Add("dots", "Rule.DotsRange", AnswerLimits.MaxDots);
        }
    }

    /// <summary>A theme left at zero dots is no part of the vote.</summary>
    public override bool Keeps(AnswerPart part) => part.Value is not 0;

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems)
    {
        var placed = parts.Where(p => p.Value is not 0).ToList();
        if (prompt.Options.Count == 0)
        {
            problems.Add(new(null, DomainText.Get("Vote.NotOpen")));
        }
        else if (placed.Any(p => p.Slot < 0 || p.Slot >= prompt.Options.Count))
        {
            problems.Add(new(null, DomainText.Get("Answer.Vote.NotOnBallot")));
        }
        else if (placed.Any(p => p.Value is null or < 0))
        {
            problems.Add(new(null, DomainText.Get("Answer.Vote.WholeDots")));
        }
        else if (placed.Count == 0)
        {
            problems.Add(new(null, DomainText.Get(prompt.Dots == 1 ? "Answer.Vote.PlaceYourDot" : "Answer.Vote.PlaceYourDots")));
        }
        else if (placed.Sum(p => (long)p.Value!.Value) is var total && total > prompt.Dots)
        {
            problems.Add(new(null, DomainText.Format(prompt.Dots == 1 ? "Answer.Vote.TooManyDots.One" : "Answer.Vote.TooManyDots.Other", prompt.Dots, total, total - prompt.Dots)));
        }
    }
}
