using System.Globalization;
using System.Text;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// Writes an activity in the file format of docs/activity-format.md, the inverse of
/// <see cref="ActivityFileParser"/>: parsing what this writes gives the same activity. Settings left at
/// their defaults are not written, so an exported file reads like a hand-written one. Which settings a
/// step has, and how each is written, is <see cref="ActivityGrammar"/>'s.
/// </summary>
public static class ActivityFileWriter
{
    public static string Write(Activity activity)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        Line(text, "id", activity.Id);
        Line(text, "title", activity.Title);
        Line(text, "purpose", activity.Purpose);
        Line(text, "language", activity.Language);
        if (activity.Minutes is { } minutes)
        {
            Line(text, "minutes", Number(minutes));
        }

        text.Append("---\n");
        foreach (var prompt in activity.Prompts)
        {
            text.Append('\n');
            WriteStep(text, prompt);
        }

        ActivityFileLanguages.WriteTranslations(text, activity);
        return text.ToString();
    }

    /// <summary>The file name an activity is exported under: its id and ".md".</summary>
    public static string FileName(Activity activity) => activity.Id + ".md";

    private static void WriteStep(StringBuilder text, Prompt prompt)
    {
        text.Append("## ").Append(PromptKinds.Of(prompt.Kind).Name).Append(": ").Append(OneLine(prompt.Title)).Append('\n');
        foreach (var setting in ActivityGrammar.For(prompt.Kind))
        {
            foreach (var value in setting.Write(prompt))
            {
                Line(text, setting.Name, value);
            }
        }

        var body = prompt.Body.ReplaceLineEndings("\n").Trim('\n', ' ', '\t', '\r');
        if (body.Length > 0)
        {
            // The blank line ends the settings: whatever the body's first line says, it is body.
            text.Append('\n').Append(body).Append('\n');
        }
    }

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append(key).Append(": ").Append(OneLine(value)).Append('\n');

    /// <summary>Settings and titles are one line each in the file; the editor never lets a line break in, this makes sure.</summary>
    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
