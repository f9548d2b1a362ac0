using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// The answer form as posted by a phone. One shape for every prompt kind; <see cref="ToAnswer"/> keeps
/// only the fields of the kind being answered.
/// </summary>
public sealed class AnswerInput
{
    /// <summary>The step the phone was showing, so an answer that arrives after the room moved on is caught.</summary>
    public int Step { get; set; }

    /// <summary>Idempotency key the phone's script adds, kept across retries of the same submission.</summary>
    public string? Key { get; set; }

    public string? Text { get; set; }

    public List<string?> Items { get; set; } = [];

    public string? Left { get; set; }

    public string? Right { get; set; }

    public List<int?> Ratings { get; set; } = [];

    public List<int> Choices { get; set; } = [];

    /// <summary>Vote prompts: the dots placed on each theme of the ballot, by position.</summary>
    public List<int?> Dots { get; set; } = [];

    public Answer ToAnswer(Prompt prompt) => new(prompt.Kind switch
    {
        PromptKind.Text => [new AnswerPart(0, Text ?? "")],
        PromptKind.List => Items.Select((text, slot) => new AnswerPart(slot, text ?? "")).ToList(),
        PromptKind.Compare => [new AnswerPart(0, Left ?? ""), new AnswerPart(1, Right ?? "")],
        PromptKind.Rating => Ratings.Select((value, slot) => (value, slot))
            .Where(r => r.value is not null)
            .Select(r => new AnswerPart(r.slot, "", r.value))
            .ToList(),
        PromptKind.Choice => Choices.Select(slot => new AnswerPart(slot, "")).ToList(),
        PromptKind.Vote => Dots.Select((value, slot) => new AnswerPart(slot, "", value))
            .Where(d => d.Value is not (null or 0))
            .ToList(),
        _ => [],
    });

    /// <summary>Fills the form from a stored response, so "Change my answer" starts from what was saved.</summary>
    public static AnswerInput From(Prompt prompt, int step, Response? response)
    {
        var input = new AnswerInput { Step = step };
        var items = response?.Items ?? [];
        switch (prompt.Kind)
        {
            case PromptKind.Text:
                input.Text = items.FirstOrDefault()?.Text;
                break;
            case PromptKind.List:
                input.Items = items.OrderBy(i => i.Slot).Select(i => (string?)i.Text).ToList();
                break;
            case PromptKind.Compare:
                input.Left = items.FirstOrDefault(i => i.Slot == 0)?.Text;
                input.Right = items.FirstOrDefault(i => i.Slot == 1)?.Text;
                break;
            case PromptKind.Rating:
                input.Ratings = prompt.Items.Select((_, slot) => items.FirstOrDefault(i => i.Slot == slot)?.Value).ToList();
                break;
            case PromptKind.Choice:
                input.Choices = items.Select(i => i.Slot).ToList();
                break;
            case PromptKind.Vote:
                input.Dots = prompt.Options.Select((_, slot) => items.FirstOrDefault(i => i.Slot == slot)?.Value).ToList();
                break;
        }

        return input;
    }

    /// <summary>The form field an answer problem belongs to, so the message appears next to it.</summary>
    public static string FieldFor(Prompt prompt, int? slot) => (prompt.Kind, slot) switch
    {
        (_, null) => "Input",
        (PromptKind.Text, _) => "Input.Text",
        (PromptKind.List, { } s) => $"Input.Items[{s}]",
        (PromptKind.Compare, 0) => "Input.Left",
        (PromptKind.Compare, _) => "Input.Right",
        (PromptKind.Rating, { } s) => $"Input.Ratings[{s}]",
        _ => "Input",
    };

    /// <summary>Everything typed, as plain text, for a phone whose answer could not be saved.</summary>
    public string TypedText()
    {
        var parts = new List<string?> { Text, Left, Right };
        parts.AddRange(Items);
        return string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
    }
}
