using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// What a facilitator does on the laptop before the room can join: an account, a space, a session of one activity.
/// The browser tests share one app, so each signs up a facilitator of its own (a fresh address) and makes its own space.
/// </summary>
public static class FacilitatorSteps
{
    /// <summary>All of it at once: signs up, makes a space, starts a session of <paramref name="activity"/> and returns its join code.</summary>
    public static async Task<string> OpenASessionAsync(this IPage control, string activity)
    {
        await control.SignUpAndMakeASpaceAsync();
        await control.StartASessionAsync(activity);
        return await control.JoinCodeAsync();
    }

    /// <summary>Fran signs up (a fresh address each time) and makes the "Lakeside leadership team" space, ending on its page.</summary>
    public static async Task SignUpAndMakeASpaceAsync(this IPage control)
    {
        await control.GotoAsync("account/register");
        await control.Locator("[name='Input.DisplayName']").FillAsync("Fran Facilitator");
        await control.Locator("[name='Input.Email']").FillAsync($"fran-{Guid.NewGuid():N}@example.org");
        await control.Locator("[name='Input.Password']").FillAsync("correct horse battery");
        await control.Locator("[name='Input.ConfirmPassword']").FillAsync("correct horse battery");
        await control.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // Only the navigation's commit, as in the keyboard walk-through: on a starved CI machine the load event of these
        // set-up pages came after 30 s twice on 2026-12-07 (the page drawn in full in the failure's screenshot), and the
        // next step waits for the form it needs anyway.
        await control.WaitForURLAsync(new Regex("/spaces$"), new() { WaitUntil = WaitUntilState.Commit });

        await control.Locator("form[action*='handler=Create'] [name='Name']").FillAsync("Lakeside leadership team");
        await control.Locator("form[action*='handler=Create']").GetByRole(AriaRole.Button).ClickAsync();
        await control.WaitForURLAsync(new Regex("/spaces/[^/]+$"), new() { WaitUntil = WaitUntilState.Commit });
        await control.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
    }

    /// <summary>
    /// Starts a session of the activity with this exact title (anonymous; facilitated unless <paramref name="selfPaced"/>)
    /// and waits for the session's control page.
    /// </summary>
    public static async Task StartASessionAsync(this IPage control, string activity, bool selfPaced = false)
    {
        await control.GotoAsync("facilitate");
        var card = control.Locator("article.activity")
            .Filter(new() { Has = control.GetByRole(AriaRole.Heading, new() { Name = activity, Exact = true }) });
        await card.GetByRole(AriaRole.Link, new() { Name = "Start a session" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/facilitate/start\\?"));
        if (selfPaced)
        {
            await control.GetByLabel("Self-paced").CheckAsync();
        }

        await control.GetByRole(AriaRole.Button, new() { Name = "Open the session and show the join code" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/facilitate/sessions/[0-9a-f-]{36}$"));
    }

    /// <summary>The code the control page shows the room.</summary>
    public static async Task<string> JoinCodeAsync(this IPage control) =>
        (await control.Locator(".join-code").TextContentAsync())!.Trim();
}
