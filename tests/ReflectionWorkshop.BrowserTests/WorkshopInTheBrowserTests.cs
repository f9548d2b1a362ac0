using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// A whole workshop in real Chromium: a facilitator's laptop and three phones, with live updates over
/// SignalR, the offline answer queue and double taps, exactly as the room would use them.
/// </summary>
public sealed class WorkshopInTheBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What "live" means here: a phone or the control page catches up within this, without a reload.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };
    private static readonly LocatorAssertionsToHaveTextOptions LiveText = new() { Timeout = 5_000 };

    private readonly List<Screen> _screens = [];
    private readonly Stopwatch _clock = new();
    private LiveWorkshop? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _server = null!;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsAvailable)
        {
            return;
        }

        _clock.Start();
        SetDefaultExpectTimeout(10_000); // page loads on a busy 2-core CI machine; live checks set their own 5 s
        _app = new LiveWorkshop();
        _server = _app.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        Phase($"app on {_server} and Chromium {_browser.Version} ready");
    }

    public async Task DisposeAsync()
    {
        foreach (var screen in _screens)
        {
            await screen.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _app?.Dispose();
    }

    [ChromiumFact]
    public async Task A_room_answers_live_keeps_an_offline_answer_and_counts_every_answer_once()
    {
        try
        {
            await RunWorkshopAsync();
        }
        catch
        {
            await SaveFailureScreenshotsAsync();
            foreach (var problem in _app!.Problems)
            {
                output.WriteLine("server: " + problem);
            }

            throw;
        }
        finally
        {
            Phase("done");
        }
    }

    private async Task RunWorkshopAsync()
    {
        // The facilitator, on a laptop: an account, a space, a session of "Two-team compare".
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        var control = laptop.Page;
        await control.GotoAsync("account/register");
        await control.Locator("[name='Input.DisplayName']").FillAsync("Fran Facilitator");
        await control.Locator("[name='Input.Email']").FillAsync($"fran-{Guid.NewGuid():N}@example.org");
        await control.Locator("[name='Input.Password']").FillAsync("correct horse battery");
        await control.Locator("[name='Input.ConfirmPassword']").FillAsync("correct horse battery");
        await control.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/spaces$"));

        await control.Locator("form[action*='handler=Create'] [name='Name']").FillAsync("Lakeside leadership team");
        await control.Locator("form[action*='handler=Create']").GetByRole(AriaRole.Button).ClickAsync();
        await control.WaitForURLAsync(new Regex("/spaces/[^/]+$"));

        await control.GotoAsync("facilitate");
        var activity = control.Locator("article.activity")
            .Filter(new() { Has = control.GetByRole(AriaRole.Heading, new() { Name = "Two-team compare", Exact = true }) });
        await activity.GetByRole(AriaRole.Button, new() { Name = "Start a session" }).ClickAsync();
        await control.WaitForURLAsync(new Regex("/facilitate/sessions/[0-9a-f-]{36}$"));
        var code = (await control.Locator(".join-code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9]{6}$", code);
        await laptop.MarkAsync();
        Phase($"facilitator registered, made a space and opened session {code}");

        // Three phones join: one through the QR link, two by typing the code.
        var phones = await Task.WhenAll(
            OpenAsync("phone 1", 390, 844, phone: true),
            OpenAsync("phone 2", 390, 844, phone: true),
            OpenAsync("phone 3", 390, 844, phone: true));
        await Task.WhenAll(
            JoinWithLinkAsync(phones[0], code),
            JoinByTypingAsync(phones[1], code),
            JoinByTypingAsync(phones[2], code));

        // The control page counts the room as it joins, without a reload.
        await Expect(control.Locator(".status")).ToContainTextAsync("3 joined", new() { Timeout = 5_000 });
        await laptop.AssertNotReloadedAsync("while phones joined");
        Phase("three phones joined");

        // Start: every phone shows the compare step by itself.
        await control.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        var answersHeading = control.Locator("#answers-heading");
        await Expect(answersHeading).ToHaveTextAsync("Answers: 0 of 3");
        await laptop.MarkAsync();
        var started = Stopwatch.StartNew();
        await Task.WhenAll(phones.Select(async phone =>
        {
            await Expect(phone.Page.Locator("#left")).ToBeVisibleAsync(Live);
            await Expect(phone.Page.Locator("#right")).ToBeVisibleAsync(Live);
        }));
        Phase($"step 1 reached all three phones {started.ElapsedMilliseconds} ms after Start");
        foreach (var phone in phones)
        {
            await phone.AssertNotReloadedAsync("moving to step 1");
            Assert.True(phone.HubSockets > 0, $"{phone.Name} never opened a WebSocket to the live hub.");
        }

        // Each phone compares two teams and saves.
        var sides = new[]
        {
            ("We agreed on one goal and met every two weeks.", "Meetings drifted; nobody owned decisions."),
            ("Everyone could say what the team was for.", "Two people did all the talking."),
            ("We celebrated small wins together.", "Feedback only came at the end of the year."),
        };
        await phones[0].Page.Locator("#left").FillAsync(sides[0].Item1);
        await phones[0].Page.Locator("#right").FillAsync(sides[0].Item2);
        await Screenshot(phones[0], "phone-live.png", publish: true);
        await Task.WhenAll(phones.Select(async (phone, i) =>
        {
            await phone.Page.Locator("#left").FillAsync(sides[i].Item1);
            await phone.Page.Locator("#right").FillAsync(sides[i].Item2);
            await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
            await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        }));

        // The answers reach the control page as they arrive.
        await Expect(answersHeading).ToHaveTextAsync("Answers: 3 of 3", LiveText);
        foreach (var (left, right) in sides)
        {
            await Expect(control.Locator(".compare li", new() { HasTextString = left })).ToHaveCountAsync(1);
            await Expect(control.Locator(".compare li", new() { HasTextString = right })).ToHaveCountAsync(1);
        }

        await laptop.AssertNotReloadedAsync("while answers to step 1 arrived");
        Assert.True(laptop.HubSockets > 0, "The control page never opened a WebSocket to the live hub.");
        await Screenshot(laptop, "control-live.png", publish: true, fullPage: true);
        Phase("three compare answers saved and shown live");
        foreach (var phone in phones)
        {
            await phone.AssertNotReloadedAsync("saving the step 1 answer");
        }

        // Next: the text step. Phone 3 loses its network before it answers.
        await control.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        await Expect(answersHeading).ToHaveTextAsync("Answers: 0 of 3");
        await laptop.MarkAsync();
        await Task.WhenAll(phones.Select(phone => Expect(phone.Page.Locator("#answer-text")).ToBeVisibleAsync(Live)));
        foreach (var phone in phones)
        {
            await phone.AssertNotReloadedAsync("moving to step 2");
        }

        Phase("step 2 reached all three phones");

        var offline = phones[2];
        const string OfflineAnswer = "Whether people felt safe to disagree out loud.";
        await offline.GoOfflineAsync();
        await offline.Page.Locator("#answer-text").FillAsync(OfflineAnswer);
        await offline.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(offline.Page.Locator("[data-save-status]")).ToContainTextAsync("Offline", new() { Timeout = 5_000 });
        await Expect(offline.Page.Locator("#answer-text")).ToHaveValueAsync(OfflineAnswer);

        // Phone 2 double-taps Save; phone 1 saves once.
        const string DoubleTapAnswer = "A clear purpose that everyone could repeat.";
        const string PlainAnswer = "Meeting rhythm and who made the calls.";
        await phones[1].Page.Locator("#answer-text").FillAsync(DoubleTapAnswer);
        var answersSentBefore = phones[1].PostsTo("handler=Answer");
        await phones[1].Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).DblClickAsync();
        await phones[0].Page.Locator("#answer-text").FillAsync(PlainAnswer);
        await phones[0].Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phones[1].Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(phones[0].Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(answersHeading).ToHaveTextAsync("Answers: 2 of 3", LiveText);
        await Expect(offline.Page.Locator(".saved-badge")).ToHaveCountAsync(0);
        Assert.Equal(answersSentBefore + 1, phones[1].PostsTo("handler=Answer"));
        Phase("offline phone queued its answer; a double tap sent one answer");

        // Back online: the queued answer goes by itself, and the control page shows it once.
        await offline.GoOnlineAsync();
        var reconnected = Stopwatch.StartNew();
        await Expect(offline.Page.Locator(".saved-badge")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Phase($"the queued answer was saved {reconnected.ElapsedMilliseconds} ms after the phone came back online");
        await Expect(offline.Page.Locator(".answer-text")).ToHaveTextAsync(OfflineAnswer);

        await Expect(answersHeading).ToHaveTextAsync("Answers: 3 of 3", LiveText);
        var shown = control.Locator("ul.answers li.answer");
        await Expect(shown).ToHaveCountAsync(3);
        foreach (var answer in new[] { OfflineAnswer, DoubleTapAnswer, PlainAnswer })
        {
            await Expect(shown.Filter(new() { HasTextString = answer })).ToHaveCountAsync(1);
        }

        // Give a late duplicate (a retry, a second tap) time to arrive, then count again.
        await Task.Delay(1_500);
        await Expect(answersHeading).ToHaveTextAsync("Answers: 3 of 3");
        await Expect(shown).ToHaveCountAsync(3);
        await laptop.AssertNotReloadedAsync("while answers to step 2 arrived");
        foreach (var phone in phones)
        {
            await phone.AssertNotReloadedAsync("saving the step 2 answer");
        }

        foreach (var expected in _screens.SelectMany(s => s.ExpectedOfflineErrors()))
        {
            output.WriteLine("expected while offline: " + expected);
        }

        Assert.Equal(answersSentBefore + 1, phones[1].PostsTo("handler=Answer"));
        var unexpected = _screens.SelectMany(s => s.UnexpectedErrors()).ToList();
        Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join("\n", unexpected));
        Assert.True(_app!.Errors.Count == 0, "The server logged errors:\n" + string.Join("\n", _app.Errors));
    }

    /// <summary>The link behind the QR code, then the Join button.</summary>
    private static async Task JoinWithLinkAsync(Screen phone, string code)
    {
        await phone.Page.GotoAsync("j/" + code);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await InTheLobbyAsync(phone, code);
    }

    /// <summary>/join, typing the code from the screen.</summary>
    private static async Task JoinByTypingAsync(Screen phone, string code)
    {
        await phone.Page.GotoAsync("join");
        await phone.Page.Locator("#code").PressSequentiallyAsync(code);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await InTheLobbyAsync(phone, code);
    }

    private static async Task InTheLobbyAsync(Screen phone, string code)
    {
        await phone.Page.WaitForURLAsync(new Regex($"/s/{code}$"));
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "You're in" })).ToBeVisibleAsync();
        await phone.MarkAsync();
    }

    private void Phase(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,5:F1} s  {what}");

    private async Task<Screen> OpenAsync(string name, int width, int height, bool phone)
    {
        var screen = await Screen.OpenAsync(_browser!, _server, name, width, height, phone);
        lock (_screens)
        {
            _screens.Add(screen);
        }

        return screen;
    }

    /// <summary>
    /// Screenshots go to TestResults/browser/; with RW_UPDATE_SCREENSHOTS=1 the published ones also replace
    /// those in docs/screenshots/.
    /// </summary>
    private static async Task Screenshot(Screen screen, string file, bool publish = false, bool fullPage = false)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "browser");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, file);
        await screen.Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        if (publish && Environment.GetEnvironmentVariable("RW_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(RepositoryRoot(), "docs", "screenshots", file), overwrite: true);
        }
    }

    private async Task SaveFailureScreenshotsAsync()
    {
        foreach (var screen in _screens)
        {
            try
            {
                await Screenshot(screen, $"failure-{screen.Name.Replace(' ', '-')}.png");
                output.WriteLine($"{screen.Name} was at {screen.Page.Url}; screenshot in TestResults/browser/.");
            }
            catch (PlaywrightException)
            {
                // The page is gone; the test's own failure says more.
            }

            foreach (var error in screen.UnexpectedErrors().Concat(screen.ExpectedOfflineErrors()))
            {
                output.WriteLine("console: " + error);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReflectionWorkshop.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? AppContext.BaseDirectory;
    }
}
