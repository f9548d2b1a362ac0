using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>info</c>: no fields; its partial says there is nothing to answer.</summary>
public sealed class InfoForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Info;

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) => [];
}
