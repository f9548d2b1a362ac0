using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary><c>info</c>: something to read, watch or do together; no settings of its own and no answer.</summary>
public sealed class InfoKind : KindModule
{
    public override PromptKind Kind => PromptKind.Info;

    public override bool TakesAnswers => false;

    public override void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems) =>
        problems.Add(new(null, DomainText.Get("Answer.NoAnswerStep")));
}
