using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Resources;

namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// What makes an answer acceptable for each prompt kind. Pages call <see cref="Check"/> to put a
/// message next to the right field; <see cref="Session.Answer"/> calls it again, so no path stores
/// an answer the rules refuse.
/// </summary>
public static class AnswerRules
{
    /// <summary>Trims the parts, drops empty list fields and returns the answer as it would be stored.</summary>
    public static Answer Normalize(Prompt prompt, Answer answer)
    {
        var parts = answer.Parts
            .Select(p => p with { Text = Clean(p.Text) })
            .Where(p => prompt.Kind switch
            {
                PromptKind.Rating or PromptKind.Choice => true,
                PromptKind.Vote => p.Value is not 0,
                _ => p.Text.Length > 0,
            })
            .OrderBy(p => p.Slot)
            .ToList();

        if (prompt.Kind == PromptKind.List)
        {
            // Items are renumbered so "items 1 and 3 filled" is stored as two items, in order.
            parts = parts.Select((p, i) => p with { Slot = i }).ToList();
        }

        return new Answer(parts);
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

        switch (prompt.Kind)
        {
            case PromptKind.Info:
                problems.Add(new(null, DomainText.Get("Answer.NoAnswerStep")));
                break;

            case PromptKind.Text:
                var text = Clean(parts.FirstOrDefault(p => p.Slot == 0)?.Text);
                if (parts.Any(p => p.Slot != 0))
                {
                    problems.Add(new(null, DomainText.Get("Answer.Text.OneField")));
                }
                else if (text.Length == 0)
                {
                    problems.Add(new(0, DomainText.Get("Answer.Text.Empty")));
                }
                else if (text.Length > prompt.MaxLength)
                {
                    problems.Add(new(0, TooLong(text.Length, prompt.MaxLength)));
                }

                break;

            case PromptKind.List:
                var filled = parts.Where(p => Clean(p.Text).Length > 0).ToList();
                if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.MaxItems) || filled.Count > prompt.MaxItems)
                {
                    problems.Add(new(null, DomainText.Format(prompt.MaxItems == 1 ? "Answer.List.TooMany.One" : "Answer.List.TooMany.Other", prompt.MaxItems)));
                }

                foreach (var part in filled.Where(p => Clean(p.Text).Length > AnswerLimits.ItemMaxLength))
                {
                    problems.Add(new(part.Slot, TooLong(Clean(part.Text).Length, AnswerLimits.ItemMaxLength)));
                }

                if (filled.Count < prompt.MinItems)
                {
                    problems.Add(new(null, prompt.MinItems == 1
                        ? DomainText.Get("Answer.List.AtLeastOne")
                        : DomainText.Format("Answer.List.AtLeast", prompt.MinItems, filled.Count)));
                }

                break;

            case PromptKind.Compare:
                string[] labels = [prompt.LeftLabel, prompt.RightLabel];
                for (var side = 0; side < 2; side++)
                {
                    var sideText = Clean(parts.FirstOrDefault(p => p.Slot == side)?.Text);
                    if (sideText.Length == 0)
                    {
                        problems.Add(new(side, DomainText.Format("Answer.Compare.BothSides", labels[side])));
                    }
                    else if (sideText.Length > AnswerLimits.ItemMaxLength)
                    {
                        problems.Add(new(side, TooLong(sideText.Length, AnswerLimits.ItemMaxLength)));
                    }
                }

                if (parts.Any(p => p.Slot is < 0 or > 1))
                {
                    problems.Add(new(null, DomainText.Get("Answer.Compare.TwoSides")));
                }

                break;

            case PromptKind.Rating:
                for (var item = 0; item < prompt.Items.Count; item++)
                {
                    var value = parts.FirstOrDefault(p => p.Slot == item)?.Value;
                    if (value is null)
                    {
                        problems.Add(new(item, DomainText.Format("Answer.Rating.Missing", prompt.Items[item])));
                    }
                    else if (value < 1 || value > prompt.Scale.Count)
                    {
                        problems.Add(new(item, DomainText.Format("Answer.Rating.OutOfScale", prompt.Items[item], prompt.Scale.Count)));
                    }
                }

                if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.Items.Count))
                {
                    problems.Add(new(null, DomainText.Get("Answer.Rating.UnknownItem")));
                }

                break;

            case PromptKind.Choice:
                if (parts.Count == 0)
                {
                    problems.Add(new(null, DomainText.Get(prompt.Multiple ? "Answer.Choice.PickAtLeastOne" : "Answer.Choice.PickOne")));
                }
                else if (!prompt.Multiple && parts.Count > 1)
                {
                    problems.Add(new(null, DomainText.Get("Answer.Choice.JustOne")));
                }

                if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.Options.Count))
                {
                    problems.Add(new(null, DomainText.Get("Answer.Choice.Unknown")));
                }

                break;

            case PromptKind.Vote:
                var placed = parts.Where(p => p.Value is not 0).ToList();
                if (prompt.Options.Count == 0)
                {
                    problems.Add(new(null, DomainText.Get("Vote.NotOpen")));
                }
                else if (placed.Any(p => p.Slot < 0 || p.Slot >= prompt.Options.Count))
                {
                    problems.Add(new(null, DomainText.Get("Answer.Vote.NotOnBallot")));
                }
                else if (placed.Any(p => p.Value is null or < 0))
                {
                    problems.Add(new(null, DomainText.Get("Answer.Vote.WholeDots")));
                }
                else if (placed.Count == 0)
                {
                    problems.Add(new(null, DomainText.Get(prompt.Dots == 1 ? "Answer.Vote.PlaceYourDot" : "Answer.Vote.PlaceYourDots")));
                }
                else if (placed.Sum(p => (long)p.Value!.Value) is var total && total > prompt.Dots)
                {
                    problems.Add(new(null, DomainText.Format(prompt.Dots == 1 ? "Answer.Vote.TooManyDots.One" : "Answer.Vote.TooManyDots.Other", prompt.Dots, total, total - prompt.Dots)));
                }

                break;
        }

        return problems;
    }

    /// <summary>
    /// Browsers send line breaks as CR LF; counted that way, a text that fits the on-screen counter
    /// would be refused. Answers are measured and stored with LF line breaks, trimmed.
    /// </summary>
    /// <summary>
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

    private static string TooLong(int length, int limit) => DomainText.Format("Answer.TooLong", length, limit);
}
