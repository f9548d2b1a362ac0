using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>One answer as plain text lines, for the participant's take-away file (in the participant's language).</summary>
public static class AnswerText
{
    private static IStringLocalizer<ReportsText> Text => ReportLanguage.Text;

    public static IEnumerable<string> Lines(Prompt prompt, Response response)
    {
        var items = response.Items.OrderBy(i => i.Slot).ToList();
        return prompt.Kind switch
        {
            PromptKind.Text => items.Select(i => i.Text),
            PromptKind.List or PromptKind.Choice => items.Select(i => "- " + i.Text),
            PromptKind.Compare => items.Select(i => $"{(i.Slot == 0 ? prompt.LeftLabel : prompt.RightLabel)}: {i.Text}"),
            PromptKind.Rating => items.Select(i => $"{prompt.Items.ElementAtOrDefault(i.Slot)}: {prompt.Scale.ElementAtOrDefault((i.Value ?? 1) - 1)}"),
            PromptKind.Vote => items.Select(i => i.Value == 1 ? Text["Answer.DotOne", i.Text, i.Value].Value : Text["Answer.DotsMany", i.Text, i.Value ?? 0].Value),
            _ => [],
        };
    }
}
