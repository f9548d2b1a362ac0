using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ReflectionWorkshop.BrowserTests.Support.LivePages;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// One workshop walked page kind by page kind with axe-core (WCAG 2.x A and AA) run on each: sign-in, join,
/// the lobby, every prompt kind on a phone, the control page, the projector, the theme board and the summary.
/// Along the way it weighs what a phone downloads for the join page and an answer page.
/// </summary>
public sealed class AccessibilityTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    /// <summary>What a phone may download, compressed, for the join page and an answer page together.</summary>
    private const long PhoneBudgetBytes = 75 * 1024;

    private readonly List<string> _violations = [];

    /// <summary>Each static file a weighed page loaded, with the Cache-Control it came with.</summary>
    private readonly ConcurrentDictionary<string, string> _staticCaching = new();

    [ChromiumFact]
    public Task Every_page_kind_has_no_serious_accessibility_violations_and_a_phone_page_stays_light() => RunAsync(RunWorkshopAsync);

    /// <summary>The check above can fail: a page with a planted image without text and an unnamed button is caught.</summary>
    [ChromiumFact]
    public Task A_planted_violation_is_caught() => RunAsync(async () =>
    {
        var screen = await OpenAsync("phone", 390, 844, phone: true);
        await screen.Page.GotoAsync("join");
        Assert.Empty(await Axe.SeriousViolationsAsync(screen.Page, "join"));

        await screen.Page.EvaluateAsync("""
            () => {
                const main = document.querySelector("main");
                const image = document.createElement("img");
                image.src = "/favicon.svg";
                main.append(image, document.createElement("button"));
            }
            """);
        var found = await Axe.SeriousViolationsAsync(screen.Page, "join with planted problems");

        Assert.Contains(found, v => v.Contains("image-alt (critical)", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Contains("button-name (critical)", StringComparison.Ordinal));
    });

    private async Task RunWorkshopAsync()
    {
        var laptop = await OpenAsync("facilitator", 1280, 900, phone: false);
        var control = laptop.Page;
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);

        await control.GotoAsync("account/login");
        await CheckAsync(control, "sign-in");
        await control.SignUpAndMakeASpaceAsync();
        await control.GotoAsync("facilitate/start?activityId=leadership-partnership");
        await CheckAsync(control, "start a session");
        await control.StartASessionAsync("Create a culture of partnership with your leaders");
        var runUrl = control.Url;
        await SettledAsync(control);
        var code = await control.JoinCodeAsync();
        await CheckAsync(control, "control (lobby)");
        Phase($"facilitator opened session {code}");

        // The join page, weighed cold as a phone first opens it, then the QR link's page and the lobby.
        var phone = await OpenAsync("phone", 390, 844, phone: true);
        var cdp = await phone.Context.NewCDPSessionAsync(phone.Page);
        await cdp.SendAsync("Network.enable");
        var joinBytes = await WeighAsync(cdp, phone.Page, () => phone.Page.GotoAsync("join"));
        await CheckAsync(phone.Page, "join");
        await phone.Page.GotoAsync("j/" + code);
        await CheckAsync(phone.Page, "join link (/j/{code})");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await phone.Page.WaitForURLAsync(new Regex($"/s/{code}$"));
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "You're in" })).ToBeVisibleAsync();
        await CheckAsync(phone.Page, "waiting (lobby)");

        var second = await OpenAsync("phone 2", 390, 844, phone: true);
        await second.JoinByTypingAsync(code);
        await Expect(control.Locator(".status")).ToContainTextAsync("2 joined", new() { Timeout = 5_000 });
        await SettledAsync(control);

        // Step 1, text. The answer page is weighed cold too: a reload with the browser's cache turned off.
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" })).ToBeVisibleAsync();
        await SettledAsync(control);
        await Expect(phone.Page.Locator("#answer-text")).ToBeVisibleAsync(Live);
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        var answerBytes = await WeighAsync(cdp, phone.Page, () => phone.Page.ReloadAsync());
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = false });
        await Expect(phone.Page.Locator("#answer-text")).ToBeVisibleAsync();
        await CheckAsync(phone.Page, "prompt: text");
        await phone.Page.Locator("#answer-text").FillAsync("Asking before deciding.");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await CheckAsync(phone.Page, "prompt: text, saved");
        await CheckAsync(control, "control (answers arriving)");

        var total = joinBytes + answerBytes;
        Output.WriteLine($"phone weight, compressed, cold cache: join page {Kb(joinBytes)} + answer page {Kb(answerBytes)} = {Kb(total)} (budget {Kb(PhoneBudgetBytes)})");

        // Step 3, compare (step 2 is a second text prompt).
        await NextAsync(control, 2);
        await NextAsync(control, 3);
        await Expect(phone.Page.Locator("#left")).ToBeVisibleAsync(Live);
        await CheckAsync(phone.Page, "prompt: compare");

        // Step 4, list: both phones name the same two characteristics, which become two named themes.
        await NextAsync(control, 4);
        foreach (var p in new[] { phone, second })
        {
            await Expect(p.Page.Locator("#item-0")).ToBeVisibleAsync(Live);
        }

        await CheckAsync(phone.Page, "prompt: list");
        for (var i = 0; i < 2; i++)
        {
            var p = i == 0 ? phone : second;
            await p.Page.Locator("#item-0").FillAsync("Trust");
            await p.Page.Locator("#item-1").FillAsync("Clear roles");
            await p.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
            await Expect(p.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
            await Expect(control.Locator("#answers-heading")).ToHaveTextAsync($"Answers: {i + 1} of 2", LiveText);
        }

        await SettledAsync(control);
        await CheckAsync(control, "control (list answers)");
        Phase("text, compare and list checked on a phone");

        // The theme board, before and after suggestions.
        await control.GetByRole(AriaRole.Link, new() { Name = "Sort into themes" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/themes/4$"));
        await SettledAsync(control);
        await CheckAsync(control, "theme board (unthemed)");
        foreach (var name in new[] { "Trust", "Clear roles" })
        {
            await control.GetByLabel("New theme").FillAsync(name);
            await control.GetByRole(AriaRole.Button, new() { Name = "Add theme" }).ClickAsync();
            await Expect(control.Locator("section.theme:not(.unthemed) h2", new() { HasTextString = name })).ToHaveCountAsync(1);
            await SettledAsync(control);
        }

        await CheckAsync(control, "theme board (named themes, one-tap suggestions)");

        // Every card into the theme of its own name: one tap on that theme, or "Confirm" where it waits as suggested.
        for (var placed = 0; placed < 4; placed++)
        {
            var card = control.Locator("section.unthemed .board-card, .board-card.suggested").First;
            var theme = (await card.Locator(".answer").TextContentAsync())!.Trim();
            var confirm = card.GetByRole(AriaRole.Button, new() { Name = $"Confirm in “{theme}”" });
            await (await confirm.CountAsync() > 0 ? confirm : card.Locator("button.tap", new() { HasTextString = theme })).ClickAsync();
            await Expect(control.Locator("section.unthemed .board-card, .board-card.suggested")).ToHaveCountAsync(3 - placed);
            await SettledAsync(control);
        }

        await CheckAsync(control, "theme board (themes)");

        // Step 5, the vote.
        await control.GotoAsync(runUrl);
        await SettledAsync(control);
        await NextAsync(control, 5);
        await Expect(phone.Page.Locator("fieldset.ballot")).ToBeVisibleAsync(Live);
        await CheckAsync(phone.Page, "prompt: vote");
        await CheckAsync(control, "control (vote)");

        // The projector and the summary.
        await control.GotoAsync(runUrl + "/present");
        await Expect(control.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(control, "projector");
        await control.GotoAsync(runUrl + "/summary");
        await Expect(control.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(control, "summary");
        Phase("board, vote, projector and summary checked");

        // Rating and choice come from two more activities, each started and moved to its step.
        await control.StartASessionAsync("Community-of-practice inquiry");
        await SettledAsync(control);
        var ratingCode = await control.JoinCodeAsync();
        await phone.JoinWithLinkAsync(ratingCode);
        await Expect(control.Locator(".status")).ToContainTextAsync("1 joined", new() { Timeout = 5_000 });
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(phone.Page.Locator("fieldset.scale").First).ToBeVisibleAsync(Live);
        await CheckAsync(phone.Page, "prompt: rating");

        await control.StartASessionAsync("Leadership-team charter");
        await SettledAsync(control);
        var choiceCode = await control.JoinCodeAsync();
        await phone.JoinWithLinkAsync(choiceCode);
        await Expect(control.Locator(".status")).ToContainTextAsync("1 joined", new() { Timeout = 5_000 });
        await SettledAsync(control);
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" })).ToBeVisibleAsync();
        await SettledAsync(control);
        await NextAsync(control, 2);
        await Expect(phone.Page.Locator("fieldset.options")).ToBeVisibleAsync(Live);
        await CheckAsync(phone.Page, "prompt: choice");
        Phase("rating and choice checked");

        Assert.True(_violations.Count == 0, $"axe found {_violations.Count} serious or critical violation(s):\n" + string.Join("\n", _violations));
        Assert.True(total <= PhoneBudgetBytes, $"A phone downloads {Kb(total)} for the join page and an answer page; the budget is {Kb(PhoneBudgetBytes)}.");
        // Static files are fingerprinted, so a phone may keep them for a year: a new build changes their names.
        Assert.NotEmpty(_staticCaching);
        Assert.All(_staticCaching, file => Assert.True(
            file.Value.Contains("max-age=31536000", StringComparison.Ordinal) && file.Value.Contains("immutable", StringComparison.Ordinal),
            $"{file.Key} is sent with Cache-Control: {file.Value}"));
        AssertNoErrors();
    }

    /// <summary>Runs axe on the page and keeps its serious and critical violations for the end of the story.</summary>
    private async Task CheckAsync(IPage page, string pageName)
    {
        var found = await Axe.SeriousViolationsAsync(page, pageName);
        _violations.AddRange(found);
        Phase($"axe on {pageName}: {(found.Count == 0 ? "no serious or critical violations" : $"{found.Count} serious or critical")}");
    }

    private static async Task NextAsync(IPage control, int step)
    {
        await control.GetByRole(AriaRole.Button, new() { Name = $"Next: step {step}" }).ClickAsync();
        // Every step this test moves to has a next one, so its button says the page has moved.
        await Expect(control.GetByRole(AriaRole.Button, new() { Name = $"Next: step {step + 1}" })).ToBeVisibleAsync();
        await SettledAsync(control);
    }

    /// <summary>
    /// Everything the phone downloaded while <paramref name="load"/> ran and the page settled, as it crossed the
    /// wire: Chromium's encodedDataLength for each response (headers and the compressed body).
    /// </summary>
    private async Task<long> WeighAsync(ICDPSession cdp, IPage page, Func<Task> load)
    {
        var urls = new ConcurrentDictionary<string, string>();
        var bytes = new ConcurrentDictionary<string, long>();
        void Received(object? sender, JsonElement? e)
        {
            var response = e!.Value.GetProperty("response");
            var encoding = response.GetProperty("headers").EnumerateObject()
                .FirstOrDefault(h => h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)).Value;
            var path = new Uri(response.GetProperty("url").GetString()!).AbsolutePath;
            urls[e.Value.GetProperty("requestId").GetString()!] =
                $"{(encoding.ValueKind == JsonValueKind.String ? encoding.GetString() : "identity"),-8} {path}";
            if (Path.HasExtension(path))
            {
                var caching = response.GetProperty("headers").EnumerateObject()
                    .FirstOrDefault(h => h.Name.Equals("cache-control", StringComparison.OrdinalIgnoreCase)).Value;
                _staticCaching[path] = caching.ValueKind == JsonValueKind.String ? caching.GetString()! : "(none)";
            }
        }

        void Finished(object? sender, JsonElement? e) =>
            bytes[e!.Value.GetProperty("requestId").GetString()!] = (long)e.Value.GetProperty("encodedDataLength").GetDouble();

        var received = cdp.Event("Network.responseReceived");
        var finished = cdp.Event("Network.loadingFinished");
        received.OnEvent += Received;
        finished.OnEvent += Finished;
        try
        {
            await load();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        finally
        {
            received.OnEvent -= Received;
            finished.OnEvent -= Finished;
        }

        foreach (var (id, size) in bytes.OrderBy(b => urls.GetValueOrDefault(b.Key), StringComparer.Ordinal))
        {
            Output.WriteLine($"        {size,7:N0} B  {urls.GetValueOrDefault(id, "?")}");
        }

        return bytes.Values.Sum();
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:F1} KB";

    protected override async Task SaveFailureScreenshotAsync(Screen screen) =>
        await screen.Page.ScreenshotAsync(new() { Path = InTestResults($"failure-a11y-{screen.Name.Replace(' ', '-')}.png"), FullPage = true });
}
