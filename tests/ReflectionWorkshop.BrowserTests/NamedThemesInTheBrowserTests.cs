using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ReflectionWorkshop.BrowserTests.Support.LivePages;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// "Community-of-practice inquiry" in real Chromium, the way the theme step is meant to go: six phones write 30 root
/// causes, the facilitator asks for drafts and dismisses them, names the activity's four themes, places one phone's
/// cards by tapping the board's suggestions, then moves the room to the grouping step and asks it to sort; five
/// phones place their own cards while the board fills live. axe checks every new state of the board and the phone.
/// </summary>
public sealed class NamedThemesInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private static readonly string[] Themes = ["Mindsets", "Knowledge", "Skills", "Dispositions"];

    /// <summary>Each phone's five root causes, with the theme a careful facilitator would give each.</summary>
    private static readonly (string Text, string Theme)[][] Notes =
    [
        [
            ("Some staff believe these students can't handle advanced work", "Mindsets"),
            ("I didn't know the history of tracking in our district", "Knowledge"),
            ("Nobody knows how to facilitate a hard conversation", "Skills"),
            ("Fear of conflict keeps us quiet", "Dispositions"),
            ("We assume families don't care about school", "Mindsets"),
        ],
        [
            ("We don't understand how to read disaggregated data", "Knowledge"),
            ("I froze and could not find the words to respond", "Skills"),
            ("We give up when change is uncomfortable", "Dispositions"),
            ("Low expectations for English learners", "Mindsets"),
            ("Little knowledge of students' cultures and languages", "Knowledge"),
        ],
        [
            ("We haven't practised giving feedback about bias", "Skills"),
            ("Not enough curiosity about students' lives", "Dispositions"),
            ("A belief that equity is someone else's job", "Mindsets"),
            ("Teachers were never taught about implicit bias", "Knowledge"),
            ("Weak skills at co-planning with families", "Skills"),
        ],
        [
            ("Defensiveness when someone points out a problem", "Dispositions"),
            ("Deficit thinking about kids from poverty", "Mindsets"),
            ("Not knowing which policies create the gaps", "Knowledge"),
            ("Can't adapt lessons for different learners", "Skills"),
            ("Lack of persistence after the first try", "Dispositions"),
        ],
        [
            ("People think talking about race is divisive", "Mindsets"),
            ("No one explained how the referral process works", "Knowledge"),
            ("Leading a meeting when emotions run high", "Skills"),
            ("Avoiding responsibility for outcomes", "Dispositions"),
            ("We see behaviour problems instead of unmet needs", "Mindsets"),
        ],
        [
            ("We lack research on what works for these students", "Knowledge"),
            ("Interrupting a biased comment in the moment", "Skills"),
            ("Impatience with slow progress", "Dispositions"),
            ("An assumption that fair means the same for everyone", "Mindsets"),
            ("We are not open to feedback from students", "Dispositions"),
        ],
    ];

    private readonly List<string> _violations = [];

    [ChromiumFact]
    public Task The_facilitator_names_the_themes_taps_suggestions_and_the_room_sorts_the_rest() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1280, 800, phone: false);
        var control = laptop.Page;
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);
        var code = await control.OpenASessionAsync("Community-of-practice inquiry");
        var runUrl = control.Url;
        await SettledAsync(control);

        var phones = await Task.WhenAll(Notes.Select((_, i) => OpenAsync($"phone {i + 1}", 360, 740, phone: true)));
        foreach (var phone in phones)
        {
            await phone.JoinByTypingAsync(code);
        }

        await Expect(control.Locator(".status")).ToContainTextAsync($"{phones.Length} joined", new() { Timeout = 10_000 });
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        for (var step = 2; step <= 5; step++)
        {
            await Expect(control.GetByRole(AriaRole.Button, new() { Name = $"Next: step {step}" })).ToBeVisibleAsync();
            await SettledAsync(control);
            await control.GetByRole(AriaRole.Button, new() { Name = $"Next: step {step}" }).ClickAsync();
        }

        await SettledAsync(control);
        await Task.WhenAll(phones.Select((phone, i) => WriteNotesAsync(phone, Notes[i])));
        await Expect(control.Locator("#answers-heading")).ToHaveTextAsync($"Answers: {phones.Length} of {phones.Length}", new() { Timeout = 10_000 });
        Phase("six phones wrote 30 root causes");

        // The board: drafts first (a starting point the facilitator may take or leave), each dismissed with one click.
        var started = DateTime.UtcNow;
        await control.GetByRole(AriaRole.Link, new() { Name = "Sort into themes" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/themes/5$"));
        var board = control;
        var boardUrl = board.Url;
        await SettledAsync(board);
        await board.GetByRole(AriaRole.Button, new() { Name = "Draft themes for me" }).ClickAsync();
        await Expect(board.Locator("[data-flash]")).ToContainTextAsync("draft");
        await SettledAsync(board);
        var drafts = await board.Locator("li.draft").CountAsync();
        if (drafts > 0)
        {
            await CheckAsync(board, "theme board (drafts)");
        }

        for (var left = drafts; left > 0; left--)
        {
            await board.Locator("li.draft").First.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
            await Expect(board.Locator("li.draft")).ToHaveCountAsync(left - 1);
            await SettledAsync(board);
        }

        Phase($"{drafts} draft(s) offered and dismissed");

        // The activity's four themes, named.
        foreach (var name in Themes)
        {
            await board.GetByLabel("New theme").FillAsync(name);
            await board.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
            await Expect(ThemeNamed(board, name)).ToHaveCountAsync(1);
            await SettledAsync(board);
        }

        await CheckAsync(board, "theme board (named themes with suggestions)");

        // Phone 1's five cards, each with one tap: its offered theme, or "Confirm" where the board already shows it there.
        var taps = 0;
        foreach (var (text, theme) in Notes[0])
        {
            taps += await PlaceAsync(board, text, theme) ? 1 : 0;
        }

        Phase($"facilitator placed 5 cards: {taps} with one tap on a suggestion, {5 - taps} with the Move list");
        await board.Locator("section.unthemed").ScrollIntoViewIfNeededAsync();
        await Screenshot(laptop, "theme-board.png", publish: true);

        // The room moves to the grouping step and is asked to sort step 5's cards from the phones.
        await board.GetByRole(AriaRole.Link, new() { Name = "← Back to the session" }).ClickAsync();
        await control.WaitForURLAsync(runUrl);
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Next: step 6" }).ClickAsync();
        await Expect(control.GetByRole(AriaRole.Button, new() { Name = "Next: step 7" })).ToBeVisibleAsync();
        await control.GotoAsync(boardUrl);
        await SettledAsync(board);
        await board.GetByRole(AriaRole.Button, new() { Name = "Ask the room to sort" }).ClickAsync();
        await Expect(board.Locator(".status")).ToContainTextAsync("the room is sorting");
        await SettledAsync(board);
        await laptop.MarkAsync();

        var sorters = phones.Skip(1).ToArray();
        await Task.WhenAll(sorters.Select(phone => Expect(phone.Page.Locator("#sort")).ToBeVisibleAsync(new() { Timeout = 10_000 })));
        await CheckAsync(sorters[0].Page, "phone (sorting its own cards)");
        await sorters[0].Page.Locator("#sort").ScrollIntoViewIfNeededAsync();
        await Screenshot(sorters[0], "phone-sort.png", publish: true);
        foreach (var (phone, i) in sorters.Select((p, i) => (p, i + 1)))
        {
            // Only their own cards, and one theme already chosen for each.
            await Expect(phone.Page.Locator("#sort legend")).ToHaveTextAsync(Notes[i].Select(n => $"“{n.Text}”").ToArray());
            Assert.Equal(5, await phone.Page.Locator("#sort input[type=radio]:checked").CountAsync());
        }

        var preselectedRight = await Task.WhenAll(sorters.Select((phone, i) => SortAsync(phone, Notes[i + 1])));
        Phase($"five phones sorted 25 cards; the pre-selected theme was right for {preselectedRight.Sum()} of 25");

        // The board filled live, without a reload, with every card in its theme and marked as the room's.
        foreach (var theme in Themes)
        {
            var expected = Notes.SelectMany(n => n).Count(n => n.Theme == theme);
            await Expect(ThemeNamed(board, theme).Locator(".board-card:not(.suggested)")).ToHaveCountAsync(expected, new() { Timeout = 15_000 });
        }

        await laptop.AssertNotReloadedAsync("while the room sorted");
        await Expect(board.Locator(".board-card .tag", new() { HasTextString = "Placed by the room" })).ToHaveCountAsync(25);
        await CheckAsync(board, "theme board (room sorting)");
        Phase($"30 cards in four named themes, {(DateTime.UtcNow - started).TotalSeconds:F0} s after the board opened");

        Assert.True(taps >= 3, $"Most of the facilitator's cards should take one tap on a suggestion; {taps} of 5 did.");
        Assert.True(_violations.Count == 0, $"axe found {_violations.Count} serious or critical violation(s):\n" + string.Join("\n", _violations));
        AssertNoErrors();
    });

    private static async Task WriteNotesAsync(Screen phone, (string Text, string Theme)[] notes)
    {
        await Expect(phone.Page.Locator("#item-0")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        for (var slot = 0; slot < notes.Length; slot++)
        {
            await phone.Page.Locator($"#item-{slot}").FillAsync(notes[slot].Text);
        }

        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(new() { Timeout = 10_000 });
    }

    /// <summary>
    /// Places one card on the board where it belongs: with one tap when the board offers that theme (a button, or
    /// "Confirm" in the theme it is shown in), else with its Move list. True when one tap did it.
    /// </summary>
    private static async Task<bool> PlaceAsync(IPage board, string text, string theme)
    {
        var card = board.Locator(".board-card").Filter(new() { Has = board.Locator(".answer", new() { HasTextString = text }) });
        var before = await ThemeNamed(board, theme).Locator(".board-card:not(.suggested)").CountAsync();
        var tap = card.Locator("form.tap-form button.tap", new() { HasTextString = theme });
        var confirm = card.GetByRole(AriaRole.Button, new() { Name = $"Confirm in “{theme}”" });
        var oneTap = true;
        if (await confirm.CountAsync() > 0)
        {
            await confirm.ClickAsync();
        }
        else if (await tap.CountAsync() > 0)
        {
            await tap.First.ClickAsync();
        }
        else
        {
            oneTap = false;
            await card.Locator("select[name=to]").SelectOptionAsync(new SelectOptionValue { Label = theme });
            await card.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        }

        await Expect(ThemeNamed(board, theme).Locator(".board-card:not(.suggested)")).ToHaveCountAsync(before + 1);
        await SettledAsync(board);
        return oneTap;
    }

    /// <summary>A phone places each of its cards in its theme; returns how many were pre-selected right.</summary>
    private static async Task<int> SortAsync(Screen phone, (string Text, string Theme)[] notes)
    {
        var right = 0;
        foreach (var (text, theme) in notes)
        {
            var form = phone.Page.Locator("#sort form").Filter(new() { Has = phone.Page.Locator("legend", new() { HasTextString = text }) });
            var choice = form.GetByLabel(theme, new() { Exact = true });
            right += await choice.IsCheckedAsync() ? 1 : 0;
            await choice.CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Place this card" }).ClickAsync();
            await Expect(form).ToContainTextAsync($"You placed it in “{theme}”.", new() { Timeout = 10_000 });
        }

        return right;
    }

    private async Task CheckAsync(IPage page, string pageName) => _violations.AddRange(await Axe.SeriousViolationsAsync(page, pageName));

    protected override async Task SaveFailureScreenshotAsync(Screen screen) =>
        await screen.Page.ScreenshotAsync(new() { Path = InTestResults($"failure-named-themes-{screen.Name.Replace(' ', '-')}.png"), FullPage = true });
}
