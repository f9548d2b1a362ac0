using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary><c>info</c>: no fields; its partial says there is nothing to answer. It has no settings of its own in the editor.</summary>
public sealed class InfoForm : AnswerForm
{
    public override PromptKind Kind => PromptKind.Info;

    public override string? SettingsPartial => null;

    public override IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input) => [];
}
