using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using ReflectionWorkshop.Web.Live;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// What the pages do when a big room acts at once. A control page hears hundreds of "changed" signals in a second:
/// it must not read itself once per signal (a thousand answers would mean a thousand page renders from the laptop
/// and as many from the projector, queued behind the browser's six connections); it reads itself one read at a
/// time, at most every quarter second, and still ends on the newest state. A phone that saves costs one request.
/// </summary>
public sealed partial class BigRoomInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private const int Signals = 300;

    [ChromiumFact]
    public Task A_flood_of_signals_becomes_a_few_reads_and_the_page_ends_on_the_newest_state() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        var control = laptop.Page;
        var code = await control.OpenASessionAsync("Two-team compare");
        var runPath = new Uri(control.Url).AbsolutePath;
        var sessionId = Guid.Parse(SessionId().Match(runPath).Groups[1].Value);
        await laptop.MarkAsync();

        var reads = 0;
        control.Request += (_, request) =>
        {
            if (request.Method == "GET" && request.ResourceType == "fetch" && new Uri(request.Url).AbsolutePath == runPath)
            {
                Interlocked.Increment(ref reads);
            }
        };
        await Expect(control.Locator(".status")).ToContainTextAsync("0 joined");

        // Half the flood, a real change in the middle of it (a phone joins), then the other half.
        var live = App.Services.GetRequiredService<LiveUpdates>();
        var flood = Stopwatch.StartNew();
        for (var i = 0; i < Signals / 2; i++)
        {
            await live.AnswersChangedAsync(sessionId);
        }

        var phone = await OpenAsync("phone", 390, 844, phone: true);
        await phone.JoinByTypingAsync(code);
        for (var i = 0; i < Signals / 2; i++)
        {
            await live.AnswersChangedAsync(sessionId);
        }

        var flooded = flood.Elapsed;
        // The newest state arrives, however long the folded reads took (they space out when the server is slow).
        await Expect(control.Locator(".status")).ToContainTextAsync("1 joined", new() { Timeout = 15_000 });
        // Let the last folded read (if any) finish before counting.
        await Task.Delay(1_500);
        // At most one read per quarter second while the signals came, plus the one that folds in the last of them.
        var allowed = (int)Math.Ceiling(flooded.TotalMilliseconds / 250) + 2;
        Phase($"{Signals} signals and a join in {flooded.TotalMilliseconds:0} ms became {Volatile.Read(ref reads)} reads of the control page (at most {allowed} allowed)");
        Assert.InRange(Volatile.Read(ref reads), 1, allowed);
        await laptop.AssertNotReloadedAsync("during the flood of signals");
    });

    /// <summary>
    /// When a whole room taps Save at once, each tap should cost the server one request: the script's post gets
    /// the answer page in its reply instead of a redirect the script would follow with a second request.
    /// </summary>
    [ChromiumFact]
    public Task A_phone_saves_its_answer_with_one_request_and_shows_it_saved() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        var code = await laptop.Page.OpenASessionAsync("Two-team compare");
        var phone = await OpenAsync("phone", 360, 740, phone: true);
        await phone.JoinByTypingAsync(code);
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(phone.Page.Locator("#left")).ToBeVisibleAsync(Live);
        await phone.Page.Locator("#left").FillAsync("We agreed on one goal.");
        await phone.Page.Locator("#right").FillAsync("Nobody owned decisions.");

        var requests = new List<string>();
        phone.Page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add($"{request.Method} {new Uri(request.Url).AbsolutePath}");
            }
        };
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(phone.Page.GetByText("We agreed on one goal.")).ToBeVisibleAsync();
        await Task.Delay(500);

        lock (requests)
        {
            Phase($"requests after Save: {string.Join("; ", requests)}");
            // The form's action is the page's address with the code as the page has it (lower case).
            Assert.Equal([$"POST /s/{code}".ToUpperInvariant()], requests.Select(r => r.ToUpperInvariant()));
        }

        await phone.AssertNotReloadedAsync("saving the answer");
        await Expect(laptop.Page.Locator("#answers-heading")).ToHaveTextAsync("Answers: 1 of 1", LiveText);
    });

    [GeneratedRegex("/facilitate/sessions/([0-9a-f-]{36})$")]
    private static partial Regex SessionId();
}
