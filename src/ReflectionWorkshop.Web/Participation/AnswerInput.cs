using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Participation.Kinds;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// The answer form as posted by a phone. One shape for every prompt kind; each kind's
/// <see cref="AnswerForm"/> (Participation/Kinds) says which fields it uses, so <see cref="ToAnswer"/>
/// keeps only the fields of the kind being answered.
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

    /// <summary>The answer the fields of the prompt's kind make (<see cref="AnswerForm.ToAnswer"/>).</summary>
    public Answer ToAnswer(Prompt prompt) => new(AnswerForms.Of(prompt.Kind).ToAnswer(prompt, this));

    /// <summary>Fills the form from a stored response, so "Change my answer" starts from what was saved.</summary>
    public static AnswerInput From(Prompt prompt, int step, Response? response)
    {
        var input = new AnswerInput { Step = step };
        AnswerForms.Of(prompt.Kind).Fill(input, prompt, response?.Items ?? []);
        return input;
    }

    /// <summary>The form field an answer problem belongs to, so the message appears next to it.</summary>
    public static string FieldFor(Prompt prompt, int? slot) => slot is { } s ? AnswerForms.Of(prompt.Kind).FieldFor(s) : "Input";

    /// <summary>Everything typed, as plain text, for a phone whose answer could not be saved.</summary>
    public string TypedText()
    {
        var parts = new List<string?> { Text, Left, Right };
        parts.AddRange(Items);
        return string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
    }
}
