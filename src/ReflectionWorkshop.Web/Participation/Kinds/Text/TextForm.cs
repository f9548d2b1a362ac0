using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>text</c>: one field, <c>Input.Text</c>.</summary>
public sealed class TextForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Text;

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) => [new AnswerPart(0, input.Text ?? "")];

    public override void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items) => input.Text = items.FirstOrDefault()?.Text;

    public override string FieldFor(int slot) => "Input.Text";
}
