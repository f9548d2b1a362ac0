using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// Issue 9 in real Chromium: a facilitator builds a small activity in the editor (the phone preview following
/// the typing), axe checks the editor at laptop and phone width, then the activity runs with a phone.
/// </summary>
public sealed class AuthoringInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private const string Title = "Quick check-in we wrote";

    [ChromiumFact]
    public Task A_facilitator_builds_an_activity_in_the_editor_and_a_phone_answers_it() => RunAsync(BuildAndRunAsync);

    private async Task BuildAndRunAsync()
    {
        var laptop = await OpenAsync("facilitator", 1280, 900, phone: false);
        var control = laptop.Page;
        await control.SignUpAndMakeASpaceAsync();
        await control.GetByRole(AriaRole.Link, new() { Name = "Our activities" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/facilitate/activities$"));
        await control.GetByRole(AriaRole.Link, new() { Name = "New activity" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/facilitate/activities/edit$"));
        Phase("editor open");

        // Step 1 is a text step; the preview beside it follows the typing without a reload.
        await control.GetByLabel("Title", new() { Exact = true }).FillAsync(Title);
        await control.GetByLabel("Purpose").FillAsync("One thing learned and the ideas to try next.");
        await control.Locator("#s0-title").FillAsync("What did you learn this week?");
        await Expect(control.Locator("#step-0 .preview-title")).ToHaveTextAsync("What did you learn this week?", LiveText);
        Phase("live preview followed the typing");

        // Step 2 is a list of up to three ideas.
        await control.GetByLabel("Kind of step").SelectOptionAsync("List");
        await control.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
        await Expect(control.Locator("#s1-title")).ToBeVisibleAsync();
        Assert.Equal(Title, await control.Locator("#a-title").InputValueAsync());
        await control.Locator("#s1-title").FillAsync("Which ideas will you try?");
        await control.Locator("#s1-max").FillAsync("3");
        await control.Locator("#s1-item-label").FillAsync("Idea");
        await Expect(control.Locator("#step-1 .preview-phone")).ToContainTextAsync("Idea 3 (optional)", new() { Timeout = 5_000 });

        // A bad value is refused at its field and what was typed stays.
        await control.Locator("#s1-min").FillAsync("5");
        await control.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await Expect(control.Locator("#s1-min-error")).ToContainTextAsync("at least 5 items but the list shows only 3 fields");
        Assert.Equal("Which ideas will you try?", await control.Locator("#s1-title").InputValueAsync());
        await CheckAsync(control, "editor with a problem (1280 px)");
        await control.Locator("#s1-min").FillAsync("1");

        // The editor at phone width: no sideways scrolling, and axe again.
        await control.SetViewportSizeAsync(360, 740);
        Assert.True(await control.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "The editor scrolls sideways at 360 px.");
        await CheckAsync(control, "editor (360 px)");
        await control.SetViewportSizeAsync(1280, 900);

        await control.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await Expect(control.GetByRole(AriaRole.Status)).ToContainTextAsync("Activity created");
        await control.WaitForURLAsync(new Regex("/facilitate/activities/edit/[0-9a-f-]{36}$"));
        await CheckAsync(control, "editor, saved");
        Phase("activity saved");

        // It is in the catalogue: start a session and answer both steps on a phone.
        await control.StartASessionAsync(Title);
        var code = await control.JoinCodeAsync();
        var phone = await OpenAsync("phone", 390, 844, phone: true);
        await phone.JoinByTypingAsync(code);
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "What did you learn this week?" })).ToBeVisibleAsync(Live);
        await phone.Page.Locator("#answer-text").FillAsync("Short meetings work better.");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);

        await control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        await Expect(phone.Page.GetByLabel("Idea 1")).ToBeVisibleAsync(Live);
        await Expect(phone.Page.GetByLabel("Idea 3 (optional)")).ToBeVisibleAsync();
        await phone.Page.GetByLabel("Idea 1").FillAsync("Stand-up check-ins");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        Phase("the phone answered both steps");

        Assert.True(_violations.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", _violations));
        AssertNoErrors();
    }

    private readonly List<string> _violations = [];

    private async Task CheckAsync(IPage page, string pageName)
    {
        var found = await Axe.SeriousViolationsAsync(page, pageName);
        _violations.AddRange(found);
        Phase($"axe on {pageName}: {(found.Count == 0 ? "no serious or critical violations" : $"{found.Count} serious or critical")}");
    }

    protected override Task SaveFailureScreenshotAsync(Screen screen) =>
        Screenshot(screen, $"failure-authoring-{screen.Name.Replace(' ', '-')}.png", fullPage: true);
}
