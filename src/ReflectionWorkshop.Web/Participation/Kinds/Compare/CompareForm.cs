using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>compare</c>: two fields, <c>Input.Left</c> (slot 0) and <c>Input.Right</c> (slot 1).</summary>
public sealed class CompareForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Compare;

    /// <summary>Each side under its label.</summary>
    public override IEnumerable<string> AnswerLines(Prompt prompt, IReadOnlyList<ResponseItem> items, IStringLocalizer reports) =>
        items.Select(i => $"{(i.Slot == 0 ? prompt.LeftLabel : prompt.RightLabel)}: {i.Text}");

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) =>
        [new AnswerPart(0, input.Left ?? ""), new AnswerPart(1, input.Right ?? "")];

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items)
    {
        input.Left = items.FirstOrDefault(i => i.Slot == 0)?.Text;
        input.Right = items.FirstOrDefault(i => i.Slot == 1)?.Text;
    }

    public override string FieldFor(int slot) => slot == 0 ? "Input.Left" : "Input.Right";
}
