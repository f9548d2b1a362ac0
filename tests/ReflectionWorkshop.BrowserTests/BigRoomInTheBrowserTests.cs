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
/// What a control page does when a big room answers at once: hundreds of "changed" signals in a second. It must
/// not read itself once per signal (a thousand answers would mean a thousand page renders from the laptop and as
/// many from the projector, queued behind the browser's six connections); it reads itself one read at a time, at
/// most every quarter second, and still ends on the newest state.
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

    [GeneratedRegex("/facilitate/sessions/([0-9a-f-]{36})$")]
    private static partial Regex SessionId();
}
