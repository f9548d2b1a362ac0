using System.Globalization;
using System.Text;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// Writes an activity in the file format of docs/activity-format.md, the inverse of
/// <see cref="ActivityFileParser"/>: parsing what this writes gives the same activity. Settings left at
/// their defaults are not written, so an exported file reads like a hand-written one.
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
        text.Append("## ").Append(prompt.Kind.ToString().ToLowerInvariant()).Append(": ").Append(OneLine(prompt.Title)).Append('\n');
        switch (prompt.Kind)
        {
            case PromptKind.Text:
                if (prompt.MaxLength != AnswerLimits.TextMaxLength)
                {
                    Line(text, "max-length", Number(prompt.MaxLength));
                }

                break;

            case PromptKind.List:
                if (prompt.MinItems != 1)
                {
                    Line(text, "min", Number(prompt.MinItems));
                }

                Line(text, "max", Number(prompt.MaxItems));
                if (prompt.ItemLabel != "Item")
                {
                    Line(text, "item-label", prompt.ItemLabel);
                }

                break;

            case PromptKind.Compare:
                Line(text, "left", prompt.LeftLabel);
                Line(text, "right", prompt.RightLabel);
                break;

            case PromptKind.Rating:
                Line(text, "scale", string.Join(" | ", prompt.Scale.Select(OneLine)));
                foreach (var item in prompt.Items)
                {
                    Line(text, "item", item);
                }

                if (prompt.AnonymityFloor != Prompt.DefaultAnonymityFloor)
                {
                    Line(text, "anonymity-floor", Number(prompt.AnonymityFloor));
                }

                break;

            case PromptKind.Choice:
                foreach (var option in prompt.Options)
                {
                    Line(text, "option", option);
                }

                if (prompt.Multiple)
                {
                    Line(text, "multiple", "yes");
                }

                break;

            case PromptKind.Vote:
                if (prompt.ThemesFrom is { } source)
                {
                    Line(text, "themes-from", Number(source + 1));
                }

                if (prompt.Dots != Prompt.DefaultDots)
                {
                    Line(text, "dots", Number(prompt.Dots));
                }

                break;
        }

        if (prompt.ContextFrom is { } context)
        {
            Line(text, "context-from", Number(context + 1));
            if (prompt.ContextTop != Prompt.DefaultContextTop)
            {
                Line(text, "context-top", Number(prompt.ContextTop));
            }
        }

        if (prompt.TimerMinutes is { } timer)
        {
            Line(text, "timer", Number(timer));
        }

        if (prompt.Reveal != RevealRule.Manual)
        {
            Line(text, "reveal", RevealRules.Name(prompt.Reveal));
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
