using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>vote</c>: the dots placed on each theme of the ballot, by position, <c>Input.Dots[i]</c>.</summary>
public sealed class VoteForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Vote;

    /// <summary>Each theme with the dots placed on it.</summary>
    public override IEnumerable<string> AnswerLines(Prompt prompt, IReadOnlyList<ResponseItem> items, IStringLocalizer reports) =>
        items.Select(i => i.Value == 1 ? reports["Answer.DotOne", i.Text, i.Value].Value : reports["Answer.DotsMany", i.Text, i.Value ?? 0].Value);

    public override string? PreviewNotesPartial => InFolder("PreviewNotes");

    public override string SaveLabel => "Play.SaveVote";

    /// <summary>A vote's ballot is the themes made in the session; the editor's preview shows two placeholders.</summary>
    public override Prompt ForPreview(Prompt prompt, IStringLocalizer authoring) =>
        prompt with { Options = [authoring["Preview.Theme", 1].Value, authoring["Preview.Theme", 2].Value] };

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) =>
        input.Dots.Select((value, slot) => new AnswerPart(slot, "", value))
            .Where(d => d.Value is not (null or 0))
            .ToList();

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items) =>
        input.Dots = prompt.Options.Select((_, slot) => items.FirstOrDefault(i => i.Slot == slot)?.Value).ToList();
}
