using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities;

/// <summary>
/// Export, import, duplicating shipped activities, and versions. One app for the class: each test's facilitator has a
/// space of its own and reads that space's rows; the export to another installation keeps two apps of its own.
/// </summary>
public sealed class ActivityFilesTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    private static async Task<Page> ImportAsync(Visitor facilitator, string text, string name = "activity.md")
    {
        var list = await facilitator.GetAsync("/facilitate/activities");
        var form = list.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Import']")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        content.Add(file, "file", name);
        var response = await facilitator.Client.PostAsync(form.GetAttribute("action"), content);
        return response.StatusCode == HttpStatusCode.Redirect
            ? await facilitator.GetAsync(response.Headers.Location!.OriginalString)
            : new Page("/facilitate/activities", response.StatusCode, await BrowsingContext.New().OpenAsync(r => r.Content(response.Content.ReadAsStream())));
    }

    private static async Task<string> ExportAsync(Visitor visitor, Page editor)
    {
        var link = editor.Document.QuerySelector("a[href*='handler=Export']")!.GetAttribute("href")!;
        var response = await visitor.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("five-characteristics-with-a-trust-check.md", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_exported_activity_imports_into_another_installation_with_the_same_meaning()
    {
        using var first = new WorkshopFactory();
        var author = first.NewVisitor();
        await author.SignUpAsync();
        var file = await ExportAsync(author, await author.BuildFiveCharacteristicsAsync());
        var original = await first.QueryAsync(db => db.CustomActivities.AsNoTracking().SingleAsync());

        using var second = new WorkshopFactory();
        var colleague = second.NewVisitor();
        await colleague.SignUpAsync(spaceName: "Another district");
        var imported = await ImportAsync(colleague, file);

        Assert.StartsWith("/facilitate/activities/edit/", imported.Url);
        Assert.Contains("was imported with 5 steps", imported.Text);
        var copy = await second.QueryAsync(db => db.CustomActivities.AsNoTracking().SingleAsync());
        Assert.Equal(ActivityFileWriter.Write(original.Definition), ActivityFileWriter.Write(copy.Definition));
        Assert.Equal(file, ActivityFileWriter.Write(copy.Definition));
        var catalogue = await colleague.GetAsync("/facilitate");
        Assert.Contains(catalogue.Document.QuerySelectorAll("article.activity h2"), h => h.TextContent.Trim() == "Five characteristics with a trust check");
    }

    [Fact]
    public async Task An_invalid_file_reports_every_problem_with_its_line_and_stores_nothing()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();

        var page = await ImportAsync(facilitator, """
            ---
            id: broken
            title: Broken
            purpose: Three problems.
            ---

            ## list: Name them
            min: 5
            max: 2

            ## vote: Which matter?
            themes-from: 3

            ## rating: Trust
            item: Benevolence
            """, "broken.md");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var problems = page.Document.QuerySelectorAll(".import-problems li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                "Line 8: 'min' (5) is more than 'max' (2): a participant could never finish this list.",
                "Line 11: Step 3 does not come before this one (step 2); choose an earlier step.",
                "Line 14: A rating step needs a scale, for example 'scale: Not yet | Somewhat | Fully'.",
            ],
            problems);
        Assert.Contains("“broken.md” was not imported", page.Text);
        Assert.Contains("Nothing was stored", page.Text);
        Assert.Equal(0, await OwnActivityCountAsync(app, facilitator));
    }

    [Fact]
    public async Task Importing_a_file_that_is_not_text_or_no_file_says_so()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();

        var empty = await ImportAsync(facilitator, "");
        Assert.Contains("Choose the .md file of an activity first.", empty.FieldErrors);
        Assert.Equal(0, await OwnActivityCountAsync(app, facilitator));
    }

    [Fact]
    public async Task Editing_a_bilingual_copy_keeps_its_spanish_while_the_steps_keep_their_shape_and_says_when_it_cannot()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var catalogue = await facilitator.GetAsync("/facilitate");
        var editor = await facilitator.SubmitAsync(catalogue, "form.duplicate:has(input[value='four-characteristics'])");
        Assert.Contains("also holds a translation (es)", editor.Text);

        var reworded = await facilitator.PressAsync(editor, "save", (EditorSteps.Step(1, "Title"), "What five characteristics set the strong team apart?"));

        Assert.Contains("Saved (version 1)", reworded.Text);
        var copy = await OwnActivityAsync(app, facilitator);
        Assert.Equal(["en", "es"], copy.Definition.Languages);
        Assert.Equal("What five characteristics set the strong team apart?", copy.Definition.Prompts[1].Title);
        Assert.NotEqual(copy.Definition.Prompts[1].Title, copy.Definition.In("es").Prompts[1].Title);

        // Removing a step changes the shape: the Spanish words would land on the wrong steps, so they go, and the editor says so.
        var removed = await facilitator.PressAsync(reworded, "remove:0");
        var saved = await facilitator.PressAsync(removed, "save");

        Assert.Contains("no longer fitted and was removed", saved.Text);
        copy = await OwnActivityAsync(app, facilitator);
        Assert.Equal(["en"], copy.Definition.Languages);
    }

    [Fact]
    public async Task Duplicating_a_shipped_activity_makes_an_editable_copy_and_the_shipped_one_stays_read_only()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var catalogue = await facilitator.GetAsync("/facilitate");

        var editor = await facilitator.SubmitAsync(catalogue, "form.duplicate:has(input[value='four-characteristics'])");

        Assert.StartsWith("/facilitate/activities/edit/", editor.Url);
        Assert.Contains("This is your copy of", editor.Text);
        var title = editor.ValueOf("a-title");
        Assert.EndsWith("(our version)", title);
        var saved = await facilitator.PressAsync(editor, "save", (EditorSteps.Step(0, "Title"), "Name five characteristics"));
        Assert.Contains("Saved (version 1)", saved.Text);

        var copy = await OwnActivityAsync(app, facilitator);
        var shipped = await app.QueryAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Id == "four-characteristics"));
        Assert.Equal("four-characteristics", copy.BasedOn);
        Assert.NotEqual(shipped.Id, copy.Slug);
        Assert.Equal("Name five characteristics", copy.Definition.Prompts[0].Title);
        Assert.NotEqual("Name five characteristics", shipped.Definition.Prompts[0].Title);
    }

    [Fact]
    public async Task Editing_after_a_session_ran_makes_a_new_version_and_the_session_keeps_what_it_ran()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.BuildFiveCharacteristicsAsync();
        var first = await facilitator.OpenSessionAsync("five-characteristics-with-a-trust-check");

        editor = await facilitator.GetAsync(editor.Url);
        Assert.Contains("Version 1 has run in a session", editor.Text);
        var saved = await facilitator.PressAsync(editor, "save", (EditorSteps.Step(0, "Title"), "What made your best team work?"));
        Assert.Contains("Saved (version 2)", saved.Text);
        await facilitator.OpenSessionAsync("five-characteristics-with-a-trust-check");

        var space = await facilitator.CurrentSpaceIdAsync();
        var sessions = await app.QueryAsync(db => db.Sessions.AsNoTracking().Where(s => s.SpaceId == space).OrderBy(s => s.CreatedAt).ToListAsync());
        Assert.Equal([1, 2], sessions.Select(s => s.ActivityVersion));
        Assert.Equal("Think of the best team you have been part of. What made it work?", sessions[0].Activity.Prompts[0].Title);
        Assert.Equal("What made your best team work?", sessions[1].Activity.Prompts[0].Title);
        var activity = (await OwnActivityAsync(app, facilitator)).Id;
        var versions = await app.QueryAsync(db => db.ActivityVersions.AsNoTracking().Where(v => v.ActivityId == activity).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(sessions[0].Activity.Prompts[0].Title, versions[0].Definition.Prompts[0].Title);
        var run = await facilitator.GetAsync(first.RunUrl);
        Assert.Contains("Think of the best team you have been part of", run.Text);
    }

    [Fact]
    public async Task A_shipped_activity_run_records_its_catalogue_version()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.OpenSessionAsync("two-team-compare");

        var space = await facilitator.CurrentSpaceIdAsync();
        var session = await app.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.SpaceId == space));

        Assert.Equal((null, 1), (session.CustomActivityId, session.ActivityVersion));
    }

    [Fact]
    public async Task Saving_over_someone_elses_newer_save_is_refused_and_keeps_what_was_typed()
    {
        var app = shared.NextTest();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var mine = await facilitator.BuildFiveCharacteristicsAsync();
        var theirs = await facilitator.GetAsync(mine.Url);
        await facilitator.PressAsync(theirs, "save", ("Input.Purpose", "Their purpose."));

        var refused = await facilitator.PressAsync(mine, "save", ("Input.Purpose", "My purpose."));

        Assert.Contains("Someone else saved this activity after you opened it", refused.Text);
        Assert.Equal("My purpose.", refused.ValueOf("a-purpose"));
        var stored = await OwnActivityAsync(app, facilitator);
        Assert.Equal("Their purpose.", stored.Definition.Purpose);
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
