using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Participation.Kinds;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>One answer as plain text lines, for the participant's take-away file (in the participant's language).</summary>
public static class AnswerText
{
    private static IStringLocalizer<ReportsText> Text => ReportLanguage.Text;

    /// <summary>Each kind writes its own answers (<see cref="AnswerForm.AnswerLines"/>).</summary>
    public static IEnumerable<string> Lines(Prompt prompt, Response response) =>
        AnswerForms.Of(prompt.Kind).AnswerLines(prompt, [.. response.Items.OrderBy(i => i.Slot)], Text);
}
