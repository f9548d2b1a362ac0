using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ReflectionWorkshop.BrowserTests.Support.LivePages;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// The two enhancements no other story uses, in real Chromium: a card dragged onto a theme on the board (board.js,
/// which submits the card's own "Move to" form) and the summary's print button (print.js, hidden without script).
/// </summary>
public sealed class DragAndPrintInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private const string Goal = "A shared goal everyone could repeat";

    [ChromiumFact]
    public Task A_card_dragged_onto_a_theme_moves_there_and_the_summary_prints() => RunAsync(RunWorkshopAsync);

    private async Task RunWorkshopAsync()
    {
        var laptop = await OpenAsync("facilitator", 1280, 900, phone: false);
        var control = laptop.Page;
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);
        // The print dialog is the browser's; the test only needs to know the button asked for it.
        await laptop.Context.AddInitScriptAsync("window.print = () => { window.__printed = (window.__printed ?? 0) + 1; };");
        var code = await control.OpenASessionAsync("Four characteristics of a team that works");
        var runUrl = control.Url;
        await SettledAsync(control);

        var phone = await OpenAsync("phone", 360, 740, phone: true);
        await phone.JoinByTypingAsync(code);
        await Expect(control.Locator(".status")).ToContainTextAsync("1 joined", new() { Timeout = 5_000 });
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(control.Locator("#step-heading")).ToHaveTextAsync("Picture two teams you have been part of");
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        await Expect(control.Locator("#answers-heading")).ToHaveTextAsync("Answers: 0 of 1");
        await SettledAsync(control);
        await Expect(phone.Page.Locator("#item-0")).ToBeVisibleAsync(Live);
        string[] list = ["We trusted each other", "Clear roles", Goal];
        for (var slot = 0; slot < list.Length; slot++)
        {
            await phone.Page.Locator($"#item-{slot}").FillAsync(list[slot]);
        }

        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(control.Locator("#answers-heading")).ToHaveTextAsync("Answers: 1 of 1", LiveText);
        Phase("one phone named three characteristics");

        await control.GetByRole(AriaRole.Link, new() { Name = "Sort into themes" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/themes/2$"));
        var board = control;
        await SettledAsync(board);
        foreach (var name in new[] { "Trust", "Roles" })
        {
            await board.GetByLabel("New theme").FillAsync(name);
            await board.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
            await Expect(ThemeNamed(board, name)).ToHaveCountAsync(1);
            await SettledAsync(board);
        }

        // Wherever the board put the card (unthemed, or suggested in a theme), drag it onto the other theme.
        var card = board.Locator(".board-card[draggable=true]").Filter(new() { Has = board.Locator(".answer", new() { HasTextString = Goal }) });
        var from = await card.EvaluateAsync<string>("c => c.closest('[data-drop]').querySelector('h2').textContent.trim()");
        var into = from == "Roles" ? "Trust" : "Roles";
        // Held by its text and let go on the theme's name, as a person would: the middle of a card or a column may be
        // a button or a list (a card's "Place in" or "Move to"), which takes no drop.
        await card.Locator(".answer").DragToAsync(ThemeNamed(board, into).GetByRole(AriaRole.Heading, new() { Level = 2 }));
        var moved = ThemeNamed(board, into).Locator(".board-card:not(.suggested) .answer", new() { HasTextString = Goal });
        await Expect(moved).ToHaveCountAsync(1);
        await board.ReloadAsync();
        await Expect(moved).ToHaveCountAsync(1);
        await Expect(board.Locator(".board-card .answer", new() { HasTextString = Goal })).ToHaveCountAsync(1);
        Phase($"“{Goal}” dragged from “{from}” onto “{into}”, and still there after a reload");

        await control.GotoAsync(runUrl);
        await SettledAsync(control);
        await control.Locator("summary", new() { HasTextString = "Close the session…" }).ClickAsync();
        await control.GetByRole(AriaRole.Button, new() { Name = "Close the session now" }).ClickAsync();
        await control.GetByRole(AriaRole.Link, new() { Name = "Read the summary" }).First.ClickAsync();
        var print = control.Locator("[data-print]");
        await Expect(print).ToBeVisibleAsync();
        await print.ClickAsync();
        Assert.Equal(1, await control.EvaluateAsync<int>("() => window.__printed ?? 0"));
        Phase("the summary's print button is shown and prints");

        AssertNoErrors();
    }
}
