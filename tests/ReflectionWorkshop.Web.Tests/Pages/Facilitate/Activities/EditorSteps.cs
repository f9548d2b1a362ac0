using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities;

/// <summary>What a facilitator does in the activity editor, through its one form.</summary>
internal static class EditorSteps
{
    public const string Form = "form[data-editor]";

    public static Task<Page> OpenNewActivityAsync(this Visitor facilitator) => facilitator.GetAsync("/facilitate/activities/edit");

    /// <summary>Presses one of the editor's buttons ("save", "add", "up:1"…) with the given fields typed in.</summary>
    public static Task<Page> PressAsync(this Visitor facilitator, Page editor, string command, params (string Name, string Value)[] fields) =>
        facilitator.SubmitAsync(editor, Form, [("command", command), .. fields]);

    public static Task<Page> AddStepAsync(this Visitor facilitator, Page editor, string kind, params (string Name, string Value)[] fields) =>
        facilitator.PressAsync(editor, "add", [("AddKind", kind), .. fields]);

    public static string Step(int step, string property) => $"Input.Steps[{step}].{property}";

    /// <summary>
    /// What editor.js does as the facilitator types: posts the draft (the given fields, with the page's antiforgery
    /// token) to the form's <c>data-preview</c> address for step <paramref name="step"/> (from 0); returns the response.
    /// </summary>
    public static Task<HttpResponseMessage> PreviewAsync(this Visitor facilitator, Page editor, int step, params (string Name, string Value)[] draft) =>
        facilitator.Client.PostAsync(
            editor.Document.QuerySelector(Form)!.GetAttribute("data-preview"),
            new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", editor.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
                new("previewStep", step.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. draft.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)),
            ]));

    /// <summary>The messages shown beside a field (ids as in the editor: "a-title", "s1-min").</summary>
    public static IReadOnlyList<string> ErrorsAt(this Page page, string fieldId) =>
        page.Document.QuerySelectorAll($"#{fieldId}-error p").Select(p => p.TextContent.Trim()).ToList();

    public static string ValueOf(this Page page, string fieldId)
    {
        var element = page.Document.GetElementById(fieldId) ?? throw new InvalidOperationException($"No field #{fieldId} on {page.Url}.");
        return element is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : element.GetAttribute("value") ?? "";
    }

    /// <summary>
    /// Builds "Five characteristics with a trust check" from scratch: a trust rating, five characteristics,
    /// a dot vote on their themes and three actions that show the top-voted themes. Returns the saved editor.
    /// </summary>
    public static async Task<Page> BuildFiveCharacteristicsAsync(this Visitor facilitator)
    {
        var editor = await facilitator.OpenNewActivityAsync();
        (string, string)[] about =
        [
            ("Input.Title", "Five characteristics with a trust check"),
            ("Input.Purpose", "Check trust, name what makes a team work and commit to actions."),
            ("Input.Minutes", "30"),
            (Step(0, "Title"), "Think of the best team you have been part of. What made it work?"),
        ];
        editor = await facilitator.AddStepAsync(editor, "Rating", about);
        editor = await facilitator.AddStepAsync(
            editor,
            "List",
            (Step(1, "Title"), "How much trust is there in our team?"),
            (Step(1, "Scale"), "Not yet\nSomewhat\nMostly\nFully"),
            (Step(1, "Items"), "Benevolence\nReliability\nPredictability\nCompetence"),
            (Step(1, "AnonymityFloor"), "1"));
        editor = await facilitator.AddStepAsync(
            editor,
            "Vote",
            (Step(2, "Title"), "Name five characteristics of a team that works"),
            (Step(2, "MinItems"), "1"),
            (Step(2, "MaxItems"), "5"),
            (Step(2, "ItemLabel"), "Characteristic"));
        editor = await facilitator.AddStepAsync(editor, "List", (Step(3, "Title"), "Which characteristics matter most to us?"));
        return await facilitator.PressAsync(
            editor,
            "save",
            (Step(4, "Title"), "What three actions will you take?"),
            (Step(4, "MaxItems"), "3"),
            (Step(4, "ItemLabel"), "Action"),
            (Step(4, "ContextFrom"), "4"));
    }
}
