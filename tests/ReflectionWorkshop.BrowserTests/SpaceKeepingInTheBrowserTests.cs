using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// A facilitator on a 360 px phone chooses how long the space keeps closed sessions (issue 22): the choice is
/// labelled, reachable and saved, and the space's page never scrolls sideways.
/// </summary>
public sealed class SpaceKeepingInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    [ChromiumFact]
    public Task A_facilitator_on_a_phone_sets_how_long_closed_sessions_are_kept() => RunAsync(async () =>
    {
        var phone = await OpenAsync("facilitator on a phone", 360, 740, phone: true);
        var page = phone.Page;
        await page.SignUpAndMakeASpaceAsync();

        var keep = page.GetByLabel("Delete a closed session, with all its answers, after");
        await Expect(keep).ToHaveValueAsync("");
        await keep.SelectOptionAsync(new SelectOptionValue { Label = "90 days" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("90 days after they close");
        await Expect(page.GetByLabel("Delete a closed session, with all its answers, after")).ToHaveValueAsync("90");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The space's page scrolls sideways at 360 px.");
        await Screenshot(phone, "space-keeping-360.png", fullPage: true);
        Phase("kept 90 days, chosen and saved on a 360 px phone");
    });
}
