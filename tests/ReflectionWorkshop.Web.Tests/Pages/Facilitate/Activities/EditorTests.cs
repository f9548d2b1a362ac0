using System.Net;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;
using static ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities.EditorSteps;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities;

/// <summary>
/// The activity editor's form, posted as a browser posts it. One app for the class: each test's facilitator has a
/// space of its own, and what a test reads from the database is that space's.
/// </summary>
public sealed class EditorTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    private const string Slug = "five-characteristics-with-a-trust-check";

    [Fact]
    public async Task A_facilitator_builds_five_characteristics_with_a_trust_check_and_runs_it_with_a_phone()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();

        var saved = await facilitator.BuildFiveCharacteristicsAsync();

        Assert.Matches("^/facilitate/activities/edit/[0-9a-f-]{36}$", saved.Url);
        Assert.Contains("Activity created", saved.Text);
        Assert.Equal("Edit “Five characteristics with a trust check”", saved.H1);
        var stored = await OwnActivityAsync(app, facilitator);
        Assert.Equal(Slug, stored.Slug);
        Assert.Equal(
            [PromptKind.Text, PromptKind.Rating, PromptKind.List, PromptKind.Vote, PromptKind.List],
            stored.Definition.Prompts.Select(p => p.Kind));
        Assert.Equal(["Not yet", "Somewhat", "Mostly", "Fully"], stored.Definition.Prompts[1].Scale);
        Assert.Equal(2, stored.Definition.Prompts[3].ThemesFrom);
        Assert.Equal(3, stored.Definition.Prompts[4].ContextFrom);

        var session = await facilitator.OpenSessionAsync(Slug);
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        var answered = await phone.AnswerAsync(session, ("Input.Text", "We trusted each other."));
        Assert.Contains("Saved", answered.Text);
        await facilitator.NextAsync(session);
        answered = await phone.AnswerAsync(session, ("Input.Ratings[0]", "3"), ("Input.Ratings[1]", "2"), ("Input.Ratings[2]", "4"), ("Input.Ratings[3]", "3"));
        Assert.Contains("Saved", answered.Text);
        await facilitator.NextAsync(session);
        var list = await phone.GetAsync(session.PhoneUrl);
        Assert.Equal("Name five characteristics of a team that works", list.H1);
        Assert.Equal(5, list.Document.QuerySelectorAll("input[name^='Input.Items']").Length);

        var space = await facilitator.CurrentSpaceIdAsync();
        var run = await app.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.SpaceId == space));
        Assert.Equal((stored.Id, 1), (run.CustomActivityId, run.ActivityVersion));
    }

    [Fact]
    public async Task A_list_whose_maximum_is_below_its_minimum_is_refused_at_the_field_with_the_form_kept()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "List", ("Input.Title", "My activity"), ("Input.Purpose", "A purpose."), (Step(0, "Title"), "First question"));

        var refused = await facilitator.PressAsync(editor, "save", (Step(1, "Title"), "Name them"), (Step(1, "MinItems"), "4"), (Step(1, "MaxItems"), "2"));

        Assert.Equal("/facilitate/activities/edit", refused.Url);
        Assert.Equal(["This asks for at least 4 items but the list shows only 2 fields, so nobody could finish it. Lower the minimum or raise the maximum."], refused.ErrorsAt("s1-min"));
        Assert.Equal("true", refused.Document.GetElementById("s1-min")!.GetAttribute("aria-invalid"));
        Assert.Equal(("My activity", "A purpose.", "First question", "Name them", "4", "2"), (refused.ValueOf("a-title"), refused.ValueOf("a-purpose"), refused.ValueOf("s0-title"), refused.ValueOf("s1-title"), refused.ValueOf("s1-min"), refused.ValueOf("s1-max")));
        Assert.NotNull(refused.Document.QuerySelector(".error-summary a[href='#s1-min']"));
        Assert.Equal(0, await OwnActivityCountAsync(app, facilitator));
    }

    [Fact]
    public async Task A_rating_without_a_scale_is_refused_at_the_scale()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "Rating", ("Input.Title", "Trust"), ("Input.Purpose", "Check trust."), (Step(0, "Title"), "Warm up"));

        var refused = await facilitator.PressAsync(editor, "save", (Step(1, "Title"), "How much trust?"), (Step(1, "Items"), "Benevolence"), (Step(1, "Scale"), "  \n "));

        Assert.Equal(["A rating needs a scale: write its labels, one per line, lowest first."], refused.ErrorsAt("s1-scale"));
        Assert.Equal("Benevolence", refused.ValueOf("s1-item"));
    }

    [Fact]
    public async Task Moving_a_vote_above_the_step_it_votes_on_is_refused_at_the_vote_and_moving_keeps_references()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var saved = await facilitator.BuildFiveCharacteristicsAsync();

        // The vote (step 4) moves above the list it votes on (step 3): the reference follows the list to step 4.
        var moved = await facilitator.PressAsync(saved, "up:3");
        Assert.Equal("Which characteristics matter most to us?", moved.ValueOf("s2-title"));
        Assert.Equal("4", moved.Document.QuerySelector("#s2-themes-from option[selected]")!.GetAttribute("value"));
        var refused = await facilitator.PressAsync(moved, "save");

        Assert.Equal(["Step 4 does not come before this one (step 3); choose an earlier step."], refused.ErrorsAt("s2-themes-from"));
        var stored = await OwnActivityAsync(app, facilitator);
        Assert.Equal(PromptKind.List, stored.Definition.Prompts[2].Kind);
    }

    [Fact]
    public async Task Removing_a_step_renumbers_the_steps_that_point_past_it()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var saved = await facilitator.BuildFiveCharacteristicsAsync();

        var removed = await facilitator.PressAsync(saved, "remove:1");
        Assert.Contains("Step 2 removed", removed.Text);
        var stored = await facilitator.PressAsync(removed, "save");

        Assert.Contains("Saved (version 1)", stored.Text);
        var activity = await OwnActivityAsync(app, facilitator);
        Assert.Equal(4, activity.Definition.Prompts.Count);
        Assert.Equal(1, activity.Definition.Prompts[2].ThemesFrom);
        Assert.Equal(2, activity.Definition.Prompts[3].ContextFrom);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_comes_back_as_typed_with_a_message()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();

        var refused = await facilitator.PressAsync(editor, "save", ("Input.Title", "T"), ("Input.Purpose", "P"), ("Input.Minutes", "half an hour"), (Step(0, "Title"), "Q"), (Step(0, "MaxLength"), "lots"));

        Assert.Equal(["“half an hour” is not a whole number; write a number such as 3."], refused.ErrorsAt("a-minutes"));
        Assert.Equal("lots", refused.ValueOf("s0-max-length"));
        Assert.Equal(2, refused.Document.QuerySelectorAll(".error-summary li").Length);
    }

    [Fact]
    public async Task Every_kind_of_step_can_be_added_and_saved_with_its_settings()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "Compare", ("Input.Title", "All kinds"), ("Input.Purpose", "Every kind."), ("Input.Language", "es"), (Step(0, "Title"), "¿Qué aprendiste?"), (Step(0, "MaxLength"), "300"), (Step(0, "Timer"), "5"));
        editor = await facilitator.AddStepAsync(editor, "Choice", (Step(1, "Title"), "Two teams"), (Step(1, "Left"), "Went well"), (Step(1, "Right"), "Did not"));
        editor = await facilitator.AddStepAsync(editor, "Info", (Step(2, "Title"), "Pick"), (Step(2, "Options"), "Weekly\nMonthly"), (Step(2, "Multiple"), "true"));
        editor = await facilitator.AddStepAsync(editor, "Vote", (Step(3, "Title"), "Read"), (Step(3, "Body"), "### Pairs\nTalk it over."), (Step(3, "ContextFrom"), "2"), (Step(3, "ContextTop"), "5"));
        var saved = await facilitator.PressAsync(editor, "save", (Step(4, "Title"), "Vote"), (Step(4, "ThemesFrom"), "2"), (Step(4, "Dots"), "5"));

        Assert.Contains("Activity created", saved.Text);
        var activity = (await OwnActivityAsync(app, facilitator)).Definition;
        Assert.Equal(("es", 300, 5), (activity.Language, activity.Prompts[0].MaxLength, activity.Prompts[0].TimerMinutes));
        Assert.Equal(("Went well", "Did not"), (activity.Prompts[1].LeftLabel, activity.Prompts[1].RightLabel));
        Assert.Equal(["Weekly", "Monthly"], activity.Prompts[2].Options);
        Assert.True(activity.Prompts[2].Multiple);
        Assert.Equal(("### Pairs\nTalk it over.", 1, 5), (activity.Prompts[3].Body, activity.Prompts[3].ContextFrom, activity.Prompts[3].ContextTop));
        Assert.Equal((1, 5), (activity.Prompts[4].ThemesFrom, activity.Prompts[4].Dots));
    }

    [Fact]
    public async Task A_step_timer_is_what_the_control_page_offers_first()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        await facilitator.PressAsync(editor, "save", ("Input.Title", "Timed talk"), ("Input.Purpose", "P"), (Step(0, "Title"), "Talk in pairs"), (Step(0, "Timer"), "7"));

        var session = await facilitator.OpenSessionAsync("timed-talk");
        var run = await facilitator.StartAsync(session);

        Assert.Equal("7", run.Document.QuerySelector("#minutes option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_step_set_to_reveal_live_is_on_the_projector_when_it_opens_and_the_file_says_so()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        Assert.Equal("manual", editor.Document.QuerySelector($"select[name='{Step(0, "Reveal")}'] option[selected]")!.GetAttribute("value"));
        var saved = await facilitator.PressAsync(editor, "save", ("Input.Title", "Open room"), ("Input.Purpose", "P"), (Step(0, "Title"), "What did you notice?"), (Step(0, "Reveal"), "live"));

        var file = await facilitator.Client.GetStringAsync(saved.Document.QuerySelector("a[href*='handler=Export']")!.GetAttribute("href"));
        Assert.Contains("reveal: live", file);

        var session = await facilitator.OpenSessionAsync("open-room");
        var run = await facilitator.StartAsync(session);
        Assert.NotNull(run.Document.QuerySelector("form[action*='handler=Hide']"));
        Assert.Null(run.Document.QuerySelector("form[action*='handler=Reveal']"));
    }

    [Fact]
    public async Task The_preview_shows_a_step_as_the_phone_will()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();
        editor = await facilitator.AddStepAsync(editor, "List", ("Input.Title", "Preview"), (Step(0, "Title"), "First"));

        // editor.js posts the whole form to the address in data-preview as the facilitator types.
        var preview = await facilitator.PreviewAsync(
            editor,
            1,
            (Step(0, "Kind"), "Text"),
            (Step(0, "Title"), "First"),
            (Step(1, "Kind"), "List"),
            (Step(1, "Title"), "Name four"),
            (Step(1, "MinItems"), "2"),
            (Step(1, "MaxItems"), "4"),
            (Step(1, "ItemLabel"), "Idea"));
        var fragment = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.True(fragment.Contains("Name four", StringComparison.Ordinal), fragment);
        Assert.Contains("Idea 2", fragment);
        Assert.Contains("Idea 4 (optional)", fragment);
        Assert.DoesNotContain("<form", fragment);
    }

    [Fact]
    public async Task A_step_text_is_markdown_without_raw_html_in_the_preview()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.OpenNewActivityAsync();

        var page = await facilitator.PressAsync(editor, "check", ("Input.Title", "T"), ("Input.Purpose", "P"), (Step(0, "Title"), "Q"), (Step(0, "Body"), "**Bold** <script>alert(1)</script>"));

        Assert.Contains("No problems found", page.Text);
        var body = page.Document.QuerySelector(".preview-phone .prompt-body")!;
        Assert.NotNull(body.QuerySelector("strong"));
        Assert.Null(body.QuerySelector("script"));
    }

    /// <summary>The one activity in the facilitator's space.</summary>
    private static async Task<CustomActivity> OwnActivityAsync(WorkshopFactory app, Visitor facilitator)
    {
        var space = await facilitator.CurrentSpaceIdAsync();
        return await app.QueryAsync(db => db.CustomActivities.AsNoTracking().SingleAsync(a => a.SpaceId == space));
    }

    private static async Task<int> OwnActivityCountAsync(WorkshopFactory app, Visitor facilitator)
    {
        var space = await facilitator.CurrentSpaceIdAsync();
        return await app.QueryAsync(db => db.CustomActivities.CountAsync(a => a.SpaceId == space));
    }
}
