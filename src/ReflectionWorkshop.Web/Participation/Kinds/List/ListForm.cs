using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>list</c>: one field per item, <c>Input.Items[i]</c>.</summary>
public sealed class ListForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.List;

    /// <summary>One line an item, as a bullet.</summary>
    public override IEnumerable<string> AnswerLines(Prompt prompt, IReadOnlyList<ResponseItem> items, IStringLocalizer reports) =>
        items.Select(i => "- " + i.Text);

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) =>
        input.Items.Select((text, slot) => new AnswerPart(slot, text ?? "")).ToList();

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items) =>
        input.Items = items.OrderBy(i => i.Slot).Select(i => (string?)i.Text).ToList();

    public override string FieldFor(int slot) => $"Input.Items[{slot}]";
}
