using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>One answer as plain text lines, for the participant's take-away file.</summary>
public static class AnswerText
{
    public static IEnumerable<string> Lines(Prompt prompt, Response response)
    {
        var items = response.Items.OrderBy(i => i.Slot).ToList();
        return prompt.Kind switch
        {
            PromptKind.Text => items.Select(i => i.Text),
            PromptKind.List or PromptKind.Choice => items.Select(i => "- " + i.Text),
            PromptKind.Compare => items.Select(i => $"{(i.Slot == 0 ? prompt.LeftLabel : prompt.RightLabel)}: {i.Text}"),
            PromptKind.Rating => items.Select(i => $"{prompt.Items.ElementAtOrDefault(i.Slot)}: {prompt.Scale.ElementAtOrDefault((i.Value ?? 1) - 1)}"),
            PromptKind.Vote => items.Select(i => $"{i.Text}: {i.Value} {(i.Value == 1 ? "dot" : "dots")}"),
            _ => [],
        };
    }
}
