namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// One part of an answer. <see cref="Slot"/> says which part: the field of a list, the side of a
/// compare (0 left, 1 right), the rated item, the chosen option. Ratings carry a <see cref="Value"/>
/// from 1 to the number of scale labels.
/// </summary>
public sealed record AnswerPart(int Slot, string Text, int? Value = null);

/// <summary>What a participant submits for one prompt, before the domain has accepted it.</summary>
public sealed record Answer(IReadOnlyList<AnswerPart> Parts)
{
    public static Answer FromText(string text) => new([new AnswerPart(0, text)]);
}

/// <summary>Something wrong with an answer, tied to the field it concerns (null for the whole answer).</summary>
public sealed record AnswerProblem(int? Slot, string Message);
