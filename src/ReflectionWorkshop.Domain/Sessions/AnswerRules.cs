using System.Globalization;
using ReflectionWorkshop.Domain.Activities;

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
            problems.Add(new(null, "Each field of an answer can be given only once."));
            return problems;
        }

        switch (prompt.Kind)
        {
            case PromptKind.Info:
                problems.Add(new(null, "This step is for reading or discussing; it takes no answer."));
                break;

            case PromptKind.Text:
                var text = Clean(parts.FirstOrDefault(p => p.Slot == 0)?.Text);
                if (parts.Any(p => p.Slot != 0))
                {
                    problems.Add(new(null, "A text answer has exactly one field."));
                }
                else if (text.Length == 0)
                {
                    problems.Add(new(0, "Write your answer before saving."));
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
                    problems.Add(new(null, $"This list takes at most {prompt.MaxItems} {Plural(prompt.MaxItems, "item")}."));
                }

                foreach (var part in filled.Where(p => Clean(p.Text).Length > AnswerLimits.ItemMaxLength))
                {
                    problems.Add(new(part.Slot, TooLong(Clean(part.Text).Length, AnswerLimits.ItemMaxLength)));
                }

                if (filled.Count < prompt.MinItems)
                {
                    problems.Add(new(null, prompt.MinItems == 1
                        ? "Write at least one item before saving."
                        : $"Write at least {prompt.MinItems} items before saving; you have {filled.Count}."));
                }

                break;

            case PromptKind.Compare:
                string[] labels = [prompt.LeftLabel, prompt.RightLabel];
                for (var side = 0; side < 2; side++)
                {
                    var sideText = Clean(parts.FirstOrDefault(p => p.Slot == side)?.Text);
                    if (sideText.Length == 0)
                    {
                        problems.Add(new(side, $"Fill in “{labels[side]}” too: both sides are answered together."));
                    }
                    else if (sideText.Length > AnswerLimits.ItemMaxLength)
                    {
                        problems.Add(new(side, TooLong(sideText.Length, AnswerLimits.ItemMaxLength)));
                    }
                }

                if (parts.Any(p => p.Slot is < 0 or > 1))
                {
                    problems.Add(new(null, "A compare answer has exactly two sides."));
                }

                break;

            case PromptKind.Rating:
                for (var item = 0; item < prompt.Items.Count; item++)
                {
                    var value = parts.FirstOrDefault(p => p.Slot == item)?.Value;
                    if (value is null)
                    {
                        problems.Add(new(item, $"Choose a rating for “{prompt.Items[item]}”."));
                    }
                    else if (value < 1 || value > prompt.Scale.Count)
                    {
                        problems.Add(new(item, $"A rating for “{prompt.Items[item]}” is a point on the scale from 1 to {prompt.Scale.Count}."));
                    }
                }

                if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.Items.Count))
                {
                    problems.Add(new(null, "This answer rates an item the step does not have."));
                }

                break;

            case PromptKind.Choice:
                if (parts.Count == 0)
                {
                    problems.Add(new(null, prompt.Multiple ? "Pick at least one option before saving." : "Pick an option before saving."));
                }
                else if (!prompt.Multiple && parts.Count > 1)
                {
                    problems.Add(new(null, "Pick just one option."));
                }

                if (parts.Any(p => p.Slot < 0 || p.Slot >= prompt.Options.Count))
                {
                    problems.Add(new(null, "That option is not one of this step's options."));
                }

                break;

            case PromptKind.Vote:
                var placed = parts.Where(p => p.Value is not 0).ToList();
                if (prompt.Options.Count == 0)
                {
                    problems.Add(new(null, "The vote has not opened yet: the facilitator is still gathering the themes."));
                }
                else if (placed.Any(p => p.Slot < 0 || p.Slot >= prompt.Options.Count))
                {
                    problems.Add(new(null, "That theme is not on this ballot."));
                }
                else if (placed.Any(p => p.Value is null or < 0))
                {
                    problems.Add(new(null, "Each theme takes a whole number of dots."));
                }
                else if (placed.Count == 0)
                {
                    problems.Add(new(null, prompt.Dots == 1 ? "Place your dot on a theme before saving." : "Place at least one of your dots before saving."));
                }
                else if (placed.Sum(p => (long)p.Value!.Value) is var total && total > prompt.Dots)
                {
                    problems.Add(new(null, $"You have {prompt.Dots} {Plural(prompt.Dots, "dot")} and placed {total}. Take {total - prompt.Dots} back and save again."));
                }

                break;
        }

        return problems;
    }

    /// <summary>
    /// Browsers send line breaks as CR LF; counted that way, a text that fits the on-screen counter
    /// would be refused. Answers are measured and stored with LF line breaks, trimmed.
    /// </summary>
    private static string Clean(string? text) => (text ?? "").ReplaceLineEndings("\n").Trim();

    private static string TooLong(int length, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"This is {length:N0} characters; the limit is {limit:N0}. Shorten it and save again.");

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
