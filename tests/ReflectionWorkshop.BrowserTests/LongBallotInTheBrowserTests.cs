using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ReflectionWorkshop.BrowserTests.Support.LivePages;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// A vote on eleven themes on a 390×844 phone: the ballot is several screens long, and the count of dots left must stay
/// in view while the person scrolls to the last theme and places a dot there.
/// </summary>
public sealed class LongBallotInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private static readonly string[] Themes =
        ["Trust", "Clear roles", "Shared goal", "Feedback", "Regular meetings", "Listening", "Celebrating wins", "Handling conflict", "Protected time", "Using data", "Mutual support"];

    [ChromiumFact]
    public Task The_dots_left_stay_in_view_down_a_ballot_of_eleven_themes() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1280, 900, phone: false);
        var control = laptop.Page;
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);
        var code = await control.OpenASessionAsync("Four characteristics of a team that works");
        var runUrl = control.Url;
        await SettledAsync(control);
        var phones = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => OpenAsync($"phone {i}", 390, 844, phone: true)));
        foreach (var phone in phones)
        {
            await phone.JoinByTypingAsync(code);
        }

        await Expect(control.Locator(".status")).ToContainTextAsync("3 joined", new() { Timeout = 10_000 });
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" })).ToBeVisibleAsync();
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        await SettledAsync(control);

        // Eleven cards, one for each theme: the phones name them as the themes are named.
        for (var i = 0; i < phones.Length; i++)
        {
            var page = phones[i].Page;
            await Expect(page.Locator("#item-0")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            var mine = Themes.Skip(i * 4).Take(4).ToList();
            for (var slot = 0; slot < mine.Count; slot++)
            {
                await page.Locator($"#item-{slot}").FillAsync(mine[slot]);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
            await Expect(page.Locator(".saved-badge")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        }

        await control.GetByRole(AriaRole.Link, new() { Name = "Sort into themes" }).ClickAsync();
        var board = control;
        await SettledAsync(board);
        foreach (var name in Themes)
        {
            await board.GetByLabel("New theme").FillAsync(name);
            await board.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
            await Expect(ThemeNamed(board, name)).ToHaveCountAsync(1);
            await SettledAsync(board);
        }

        foreach (var name in Themes)
        {
            var card = board.Locator(".board-card").Filter(new() { Has = board.Locator(".answer", new() { HasTextString = name }) });
            await card.Locator("select[name=to]").SelectOptionAsync(new SelectOptionValue { Label = name });
            await card.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
            await Expect(ThemeNamed(board, name).Locator(".board-card:not(.suggested)")).ToHaveCountAsync(1);
            await SettledAsync(board);
        }

        Phase("eleven themes named, one card in each");

        await board.GotoAsync(runUrl);
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Next: step 3" }).ClickAsync();
        var voter = phones[0];
        await Expect(voter.Page.Locator(".ballot-row")).ToHaveCountAsync(Themes.Length, new() { Timeout = 10_000 });

        // Down to the last theme: the counter is still on the screen, and counts the dot placed there.
        var last = voter.Page.Locator(".ballot-row").Last;
        await last.ScrollIntoViewIfNeededAsync();
        await last.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^One dot more on") }).ClickAsync();
        var counter = voter.Page.Locator("[data-dots-left]");
        await Expect(counter).ToHaveTextAsync("2 of 3 dots left to place");
        await Expect(counter).ToBeInViewportAsync();
        var box = (await counter.BoundingBoxAsync())!;
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 844, $"The counter is at y={box.Y}, outside the 844 px screen.");
        await Screenshot(voter, "phone-vote-long.png", publish: true);
        Phase("a dot placed on the eleventh theme with the counter in view");

        AssertNoErrors();
    });

    protected override async Task SaveFailureScreenshotAsync(Screen screen) =>
        await screen.Page.ScreenshotAsync(new() { Path = InTestResults($"failure-long-ballot-{screen.Name.Replace(' ', '-')}.png"), FullPage = true });
}
