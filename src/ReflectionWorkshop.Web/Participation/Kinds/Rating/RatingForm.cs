using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>rating</c>: one choice of the scale per item, <c>Input.Ratings[i]</c> (1 is the first label).</summary>
public sealed class RatingForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Rating;

    /// <summary>Each thing rated, with the label of the point chosen.</summary>
    public override IEnumerable<string> AnswerLines(Prompt prompt, IReadOnlyList<ResponseItem> items, IStringLocalizer reports) =>
        items.Select(i => $"{prompt.Items.ElementAtOrDefault(i.Slot)}: {prompt.Scale.ElementAtOrDefault((i.Value ?? 1) - 1)}");

    public override string? PreviewNotesPartial => InFolder("PreviewNotes");

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) =>
        input.Ratings.Select((value, slot) => (value, slot))
            .Where(r => r.value is not null)
            .Select(r => new AnswerPart(r.slot, "", r.value))
            .ToList();

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items) =>
        input.Ratings = prompt.Items.Select((_, slot) => items.FirstOrDefault(i => i.Slot == slot)?.Value).ToList();

    public override string FieldFor(int slot) => $"Input.Ratings[{slot}]";
}
