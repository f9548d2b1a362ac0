using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ReflectionWorkshop.BrowserTests.Support.LivePages;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// The facilitator's whole flow with the keyboard alone: sign in, start a session, start it, move through its
/// steps, close it and land on the summary. Every control is reached with Tab (so it is in the focus order), shows
/// a visible focus ring when reached, and is used with Enter or by typing; the mouse is never used.
/// </summary>
public sealed class KeyboardOnlyTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    /// <summary>Enough presses to cross the longest page once; a control not reached by then is not in the focus order.</summary>
    private const int MostTabs = 80;

    private const string Password = "correct horse battery";

    [ChromiumFact]
    public Task A_facilitator_runs_a_session_from_sign_in_to_summary_with_the_keyboard_alone() => RunAsync(RunWorkshopAsync);

    private async Task RunWorkshopAsync()
    {
        // The account and its space exist already (made the usual way, on another screen).
        var email = $"kim-{Guid.NewGuid():N}@example.org";
        var setup = await OpenAsync("setup", 1280, 900, phone: false);
        await setup.Page.GotoAsync("account/register");
        await setup.Page.Locator("[name='Input.DisplayName']").FillAsync("Kim Keyboard");
        await setup.Page.Locator("[name='Input.Email']").FillAsync(email);
        await setup.Page.Locator("[name='Input.Password']").FillAsync(Password);
        await setup.Page.Locator("[name='Input.ConfirmPassword']").FillAsync(Password);
        await setup.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await setup.Page.WaitForURLAsync(new Regex("/spaces$"), new() { WaitUntil = WaitUntilState.Commit });
        await setup.Page.Locator("form[action*='handler=Create'] [name='Name']").FillAsync("Keyboard team");
        await setup.Page.Locator("form[action*='handler=Create']").GetByRole(AriaRole.Button).ClickAsync();
        await setup.Page.WaitForURLAsync(new Regex("/spaces/[^/]+$"), new() { WaitUntil = WaitUntilState.Commit });

        var laptop = await OpenAsync("keyboard", 1280, 900, phone: false);
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);
        var page = laptop.Page;

        // Sign in.
        await page.GotoAsync("account/login");
        await TabToAsync(page, page.GetByLabel("Email"));
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(Password);
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }));
        await page.WaitForURLAsync(new Regex("/facilitate$"));
        Phase("signed in with the keyboard");

        // Signing in lands on the activities: start a session of "Two-team compare" (two steps).
        var card = page.Locator("article.activity")
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Two-team compare", Exact = true }) });
        await PressAsync(page, card.GetByRole(AriaRole.Link, new() { Name = "Start a session" }));
        await page.WaitForURLAsync(new Regex("/facilitate/start\\?"));
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Open the session and show the join code" }));
        await page.WaitForURLAsync(new Regex("/facilitate/sessions/[0-9a-f-]{36}$"));
        await SettledAsync(page);
        Phase("session opened with the keyboard");

        // Start, then the next step.
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" })).ToBeVisibleAsync();
        await SettledAsync(page);
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }));
        await Expect(page.GetByText("This is the last step.")).ToBeVisibleAsync();
        await SettledAsync(page);
        Phase("started and advanced with the keyboard");

        // Close: open the disclosure with Enter, then its button; closing leads to the closed room, which offers the summary.
        await PressAsync(page, page.Locator("summary", new() { HasText = "Close the session…" }));
        await PressAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Close the session now" }));
        await Expect(page.GetByText("This session is closed")).ToBeVisibleAsync();
        await SettledAsync(page);
        await PressAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Read the summary" }).First);
        await page.WaitForURLAsync(new Regex("/summary$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Phase("closed and reached the summary with the keyboard");
        AssertNoErrors();
    }

    /// <summary>Tabs to <paramref name="target"/>, then presses Enter on it.</summary>
    private async Task PressAsync(IPage page, ILocator target)
    {
        await TabToAsync(page, target);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus (failing after <see cref="MostTabs"/> presses) and
    /// checks the focus can be seen there.
    /// </summary>
    private async Task TabToAsync(IPage page, ILocator target)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var presses = 1; presses <= MostTabs; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                var ring = await target.EvaluateAsync<string>(
                    "e => e.matches(':focus-visible') ? getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth : 'not focus-visible'");
                Assert.True(ring.StartsWith("solid", StringComparison.Ordinal), $"{target} has the focus but shows it as: {ring}");
                Output.WriteLine($"        {presses,2} × Tab to {await DescribeAsync(target)}");
                return;
            }
        }

        Assert.Fail($"{await DescribeAsync(target)} was not reached with {MostTabs} presses of Tab on {page.Url}");
    }

    private static Task<string> DescribeAsync(ILocator target) =>
        target.EvaluateAsync<string>("e => e.tagName.toLowerCase() + ' \"' + (e.labels?.[0]?.textContent ?? e.textContent).trim() + '\"'");

    protected override async Task SaveFailureScreenshotAsync(Screen screen) =>
        await screen.Page.ScreenshotAsync(new() { Path = InTestResults($"failure-keyboard-{screen.Name.Replace(' ', '-')}.png"), FullPage = true });
}
