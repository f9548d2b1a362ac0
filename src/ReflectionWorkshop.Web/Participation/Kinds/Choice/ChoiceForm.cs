using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>choice</c>: the chosen options' positions, <c>Input.Choices</c>.</summary>
public sealed class ChoiceForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Choice;

    /// <summary>One line an item, as a bullet.</summary>
    public override IEnumerable<string> AnswerLines(Prompt prompt, IReadOnlyList<ResponseItem> items, IStringLocalizer reports) =>
        items.Select(i => "- " + i.Text);

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) =>
        input.Choices.Select(slot => new AnswerPart(slot, "")).ToList();

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items) =>
        input.Choices = items.Select(i => i.Slot).ToList();
}
