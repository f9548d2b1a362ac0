using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// On a 360 px phone, a coach turns off the "summary is ready" mails on the account page (issue 22): the box is
/// labelled, ticked by default, saved, the page has no serious accessibility problem and never scrolls sideways.
/// </summary>
public sealed class AccountMailsInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    [ChromiumFact]
    public Task A_person_on_a_phone_turns_off_the_summary_mails() => RunAsync(async () =>
    {
        var phone = await OpenAsync("coach on a phone", 360, 740, phone: true);
        var page = phone.Page;
        await page.SignUpAndMakeASpaceAsync();
        await page.GotoAsync("account");

        var box = page.GetByLabel("Email me when a summary is ready");
        await Expect(box).ToBeCheckedAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page, "account"));
        await box.UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email choice" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We will not email you when a summary is ready.");
        await Expect(page.GetByLabel("Email me when a summary is ready")).Not.ToBeCheckedAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The account page scrolls sideways at 360 px.");
        await Screenshot(phone, "account-mails-360.png", fullPage: true);
        Phase("summary mails turned off on a 360 px phone");
    });
}
