using System.Net;
using AngleSharp;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Participation.Kinds;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;
using static ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities.EditorSteps;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities;

/// <summary>The list's "actions" checkbox, each kind's settings drawn from its own folder, and the preview drawn by the same partial as the phone (issue 20).</summary>
public sealed class KindsInTheEditorTests
{
    [Fact]
    public async Task A_list_marked_as_actions_is_stored_shown_checked_and_exported_with_actions_yes()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "List", ("Input.Title", "Next steps"), ("Input.Purpose", "Commit to something."), (Step(0, "Title"), "Warm up"));
        Assert.Equal("The items are actions", editor.Document.QuerySelector("#s1-actions")!.ParentElement!.TextContent.Trim());
        Assert.Null(editor.Document.QuerySelector("#s1-actions")!.GetAttribute("checked"));

        var saved = await facilitator.PressAsync(editor, "save", (Step(1, "Title"), "What will you do next?"), (Step(1, "ItemLabel"), "Next step"), (Step(1, "Actions"), "true"));

        Assert.Contains("Activity created", saved.Text);
        var stored = await app.QueryAsync(db => db.CustomActivities.AsNoTracking().SingleAsync());
        Assert.True(stored.Definition.Prompts[1].HoldsActions);
        Assert.False(stored.Definition.Prompts[0].HoldsActions);
        Assert.NotNull(saved.Document.QuerySelector("#s1-actions")!.GetAttribute("checked"));
        var file = await facilitator.Client.GetStringAsync($"{saved.Url}?handler=Export");
        Assert.Contains("item-label: Next step\nactions: yes\n", file);

        // Unticked and saved again, the list no longer holds actions.
        var unticked = await facilitator.SubmitAsync(saved, Form, ("command", "save"), (Step(1, "Actions"), "false"));
        Assert.Contains("Saved", unticked.Text);
        stored = await app.QueryAsync(db => db.CustomActivities.AsNoTracking().SingleAsync());
        Assert.False(stored.Definition.Prompts[1].HoldsActions);
    }

    [Fact]
    public async Task The_preview_of_a_vote_draws_the_phones_ballot_with_nothing_to_post_or_script()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "Vote", ("Input.Title", "Preview"), (Step(0, "Title"), "First"));

        var preview = await facilitator.PreviewAsync(
            editor,
            1,
            (Step(0, "Kind"), "Text"),
            (Step(0, "Title"), "First"),
            (Step(1, "Kind"), "Vote"),
            (Step(1, "Title"), "Which matters most?"),
            (Step(1, "ThemesFrom"), "1"),
            (Step(1, "Dots"), "4"));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var fragment = await BrowsingContext.New().OpenAsync(r => r.Content(preview.Content.ReadAsStream()));

        // The phone's own words (Play.VoteDots, Play.DotsToPlace), two sample themes, the step it votes on.
        var ballot = fragment.QuerySelector("fieldset.ballot")!;
        Assert.Equal("Place your 4 dots on the themes that matter most; several may go on one theme", ballot.QuerySelector("legend")!.TextContent.Trim());
        Assert.Equal("You have 4 dots to place.", ballot.QuerySelector("p.counter")!.TextContent.Trim());
        Assert.Equal(["Theme 1", "Theme 2"], ballot.QuerySelectorAll(".ballot-row label").Select(l => l.TextContent.Trim()));
        Assert.Contains("step 1 (“First”)", fragment.Body!.TextContent);
        Assert.Equal("Save my vote", fragment.QuerySelector("button.primary")!.TextContent.Trim());

        // Inside the editor's form: no field may post, none is enabled, and the phone's script finds no hook.
        var inputs = fragment.QuerySelectorAll("input, textarea").ToList();
        Assert.Equal(2, inputs.Count);
        Assert.All(inputs, i => Assert.Null(i.GetAttribute("name")));
        Assert.All(inputs, i => Assert.True(i.HasAttribute("disabled")));
        Assert.Empty(fragment.QuerySelectorAll("[data-dots], [data-dots-left], [data-step-by], [data-limit]"));
        Assert.Equal(["pv1-dots-0", "pv1-dots-1"], inputs.Select(i => i.Id));
    }

    [Fact]
    public async Task The_preview_of_a_rating_says_what_it_still_needs_and_when_the_room_sees_results()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "Rating", ("Input.Title", "Preview"), (Step(0, "Title"), "First"));

        async Task<AngleSharp.Dom.IDocument> PreviewAsync(params (string Name, string Value)[] rating)
        {
            var preview = await facilitator.PreviewAsync(
                editor,
                1,
                [(Step(0, "Kind"), "Text"), (Step(0, "Title"), "First"), (Step(1, "Kind"), "Rating"), (Step(1, "Title"), "How are we doing?"), .. rating]);
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            return await BrowsingContext.New().OpenAsync(r => r.Content(preview.Content.ReadAsStream()));
        }

        var empty = await PreviewAsync((Step(1, "AnonymityFloor"), "4"));
        Assert.Equal(
            ["Add scale labels and things to rate to see the scale.", "Results show once 4 people have answered."],
            empty.QuerySelectorAll("p.hint").Select(p => p.TextContent.Trim()).TakeLast(2));

        var ready = await PreviewAsync((Step(1, "Scale"), "Low\nHigh"), (Step(1, "Items"), "Trust"), (Step(1, "AnonymityFloor"), "4"));
        Assert.DoesNotContain("Add scale labels", ready.Body!.TextContent);
        Assert.Contains("Results show once 4 people have answered.", ready.Body!.TextContent);
        Assert.Equal("Save answer", ready.QuerySelector("button.primary")!.TextContent.Trim());
    }

    [Fact]
    public void Every_kind_but_info_has_a_settings_partial_in_its_own_folder()
    {
        var views = new RazorCompiledItemLoader().LoadItems(typeof(AnswerForm).Assembly).Select(i => i.Identifier).ToHashSet();
        foreach (var form in AnswerForms.All)
        {
            if (form.Kind == PromptKind.Info)
            {
                Assert.Null(form.SettingsPartial);
                continue;
            }

            Assert.Equal($"~/Participation/Kinds/{form.Kind}/_{form.Kind}Settings.cshtml", form.SettingsPartial);
            Assert.Contains(form.SettingsPartial![1..], views);
        }
    }

    [Fact]
    public void Every_partial_a_kind_names_is_in_its_own_folder()
    {
        var views = new RazorCompiledItemLoader().LoadItems(typeof(AnswerForm).Assembly).Select(i => i.Identifier).ToHashSet();
        foreach (var form in AnswerForms.All)
        {
            foreach (var partial in new[] { form.Partial, form.SettingsPartial, form.PreviewNotesPartial }.OfType<string>())
            {
                Assert.StartsWith($"~/Participation/Kinds/{form.Kind}/_{form.Kind}", partial);
                Assert.Contains(partial[1..], views);
            }
        }
    }

    [Fact]
    public async Task A_new_vote_starts_on_the_latest_step_whose_answers_become_themes()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        foreach (var kind in new[] { "List", "Rating", "Vote" })
        {
            editor = await facilitator.AddStepAsync(editor, kind);
        }

        // Steps 1 (text) and 2 (list) become themes, step 3 (rating) does not: the vote offers step 2's themes.
        Assert.Equal("2", Picked(editor, Step(3, "ThemesFrom")));

        // With no earlier step whose answers become themes (the first step made a rating), it starts on none.
        var other = await facilitator.OpenNewActivityAsync();
        other = await facilitator.AddStepAsync(other, "Vote", (Step(0, "Kind"), "Rating"));
        Assert.Equal("Rating", other.Document.QuerySelector($"input[name='{Step(0, "Kind")}']")!.GetAttribute("value"));
        Assert.Equal("", Picked(other, Step(1, "ThemesFrom")));
    }

    [Fact]
    public async Task Each_step_shows_the_settings_of_its_own_kind_and_no_other()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        foreach (var kind in new[] { "List", "Compare", "Rating", "Choice", "Info", "Vote" })
        {
            editor = await facilitator.AddStepAsync(editor, kind);
        }

        string[][] expected =
        [
            ["max-length"],
            ["min", "max", "item-label", "actions"],
            ["left", "right"],
            ["scale", "item", "anonymity-floor"],
            ["option"],
            [],
            ["themes-from", "dots"],
        ];
        string[] shared = ["title", "body", "timer", "reveal", "context-from", "context-top"];
        for (var step = 0; step < expected.Length; step++)
        {
            var own = editor.Document.QuerySelectorAll($"#step-{step} [id^='s{step}-']")
                .Select(e => e.Id![$"s{step}-".Length..])
                .Where(id => !id.EndsWith("-hint", StringComparison.Ordinal) && !shared.Contains(id));
            Assert.Equal(expected[step], own);
        }

        Assert.NotNull(editor.Document.QuerySelector($"#step-4 input[type=checkbox][name='{Step(4, "Multiple")}']"));
    }

    /// <summary>The value a select of the editor sends as the page stands.</summary>
    private static string Picked(Page page, string name) =>
        ((AngleSharp.Html.Dom.IHtmlSelectElement)page.Document.QuerySelector($"select[name='{name}']")!).Value ?? "";
}
