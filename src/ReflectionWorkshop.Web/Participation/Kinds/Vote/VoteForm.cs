using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>vote</c>: the dots placed on each theme of the ballot, by position, <c>Input.Dots[i]</c>.</summary>
public sealed class VoteForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Vote;

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) =>
        input.Dots.Select((value, slot) => new AnswerPart(slot, "", value))
            .Where(d => d.Value is not (null or 0))
            .ToList();

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items) =>
        input.Dots = prompt.Options.Select((_, slot) => items.FirstOrDefault(i => i.Slot == slot)?.Value).ToList();
}
