using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Activities.Kinds;
using ReflectionWorkshop.Domain.Resources;

namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// What makes an answer acceptable: each kind's own rules are in its module (<see cref="KindModule.CheckAnswer"/>). Pages call <see cref="Check"/> to put a
/// message next to the right field; <see cref="Session.Answer"/> calls it again, so no path stores
/// an answer the rules refuse.
/// </summary>
public static class AnswerRules
{
    /// <summary>Trims the parts, drops the ones the kind does not keep (empty list fields, themes without dots) and returns the answer as it would be stored.</summary>
    public static Answer Normalize(Prompt prompt, Answer answer)
    {
        var kind = PromptKinds.Of(prompt.Kind);
        var parts = answer.Parts
            .Select(p => p with { Text = Clean(p.Text) })
            .Where(kind.Keeps)
            .OrderBy(p => p.Slot)
            .ToList();
        return new Answer(kind.Stored(parts));
    }

    public static IReadOnlyList<AnswerProblem> Check(Prompt prompt, Answer answer)
    {
        var problems = new List<AnswerProblem>();
        var parts = answer.Parts;
        if (parts.DistinctBy(p => p.Slot).Count() != parts.Count)
        {
            // The forms send each field once; anything else did not come from them and is refused whole.
            problems.Add(new(null, DomainText.Get("Answer.FieldTwice")));
            return problems;
        }

        PromptKinds.Of(prompt.Kind).CheckAnswer(prompt, parts, problems);
        return problems;
    }

    /// <summary>
    /// Browsers send line breaks as CR LF; counted that way, a text that fits the on-screen counter
    /// would be refused. Answers are measured and stored with LF line breaks, trimmed.
    /// Line ends made one kind, and control characters (U+0001 and the like, never typed on purpose) taken out:
    /// they broke the Word export (issue 18, item 5). Line breaks and tabs stay.
    /// </summary>
    public static string Clean(string? text)
    {
        var lines = (text ?? "").ReplaceLineEndings("\n");
        return (lines.Any(c => char.IsControl(c) && c is not ('\n' or '\t'))
            ? string.Concat(lines.Where(c => !char.IsControl(c) || c is '\n' or '\t'))
            : lines).Trim();
    }
}
