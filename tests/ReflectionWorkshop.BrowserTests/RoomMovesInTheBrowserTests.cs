using System.Diagnostics;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// A phone as a new participant meets it, timed (issue 21): from opening the join link to "You're in", and from the
/// facilitator's Next to the new step on the phone. The figures are printed for the log, not asserted (the machine
/// is shared); what is asserted is how the step arrives: in the step-change signal itself (ADR-016), with no read of
/// the page, and ready to answer with the phone's own antiforgery token.
/// </summary>
public sealed class RoomMovesInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    [ChromiumFact]
    public Task A_new_phone_joins_and_follows_Next_without_reading_its_page_and_answers_the_step_it_was_sent() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        var code = await laptop.Page.OpenASessionAsync("Two-team compare");
        // A room's server has been up for a while: one phone joins first, so the figure below is a new person's phone
        // (its own fresh browser, nothing cached) against a server that has drawn these pages before, not the server's
        // very first join page.
        var earlier = await OpenAsync("earlier phone", 360, 740, phone: true);
        await earlier.JoinWithLinkAsync(code);
        var phone = await OpenAsync("phone", 360, 740, phone: true);

        var joining = Stopwatch.StartNew();
        await phone.Page.GotoAsync("j/" + code);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "You're in" })).ToBeVisibleAsync(Live);
        var joined = joining.Elapsed;
        await phone.MarkAsync();

        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(phone.Page.Locator("#left")).ToBeVisibleAsync(Live);
        await phone.Page.Locator("#left").FillAsync("We agreed on one goal.");
        await phone.Page.Locator("#right").FillAsync("Nobody owned decisions.");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);

        var reads = new List<string>();
        phone.Page.Request += (_, request) =>
        {
            lock (reads)
            {
                reads.Add($"{request.Method} {new Uri(request.Url).PathAndQuery}");
            }
        };
        var next = Stopwatch.StartNew();
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Looking at the two side by side, what made the biggest difference?" })).ToBeVisibleAsync(Live);
        var moved = next.Elapsed;

        Phase($"phone timing: join link to \"You're in\" {joined.TotalMilliseconds:0} ms; Next to step 2 on the phone {moved.TotalMilliseconds:0} ms");
        lock (reads)
        {
            Assert.Empty(reads);
        }

        await phone.Page.Locator("#answer-text").FillAsync("Saying what we thought, early.");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(phone.Page.GetByText("Saying what we thought, early.")).ToBeVisibleAsync();
        await phone.AssertNotReloadedAsync("following the room to step 2 and answering it");
        await Expect(laptop.Page.Locator("#answers-heading")).ToHaveTextAsync("Answers: 1 of 2", LiveText);
    });

    [ChromiumFact]
    public Task A_phone_that_answered_the_step_the_room_goes_back_to_reads_its_own_page_and_shows_its_answer() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        var code = await laptop.Page.OpenASessionAsync("Two-team compare");
        var phone = await OpenAsync("phone", 360, 740, phone: true);
        await phone.JoinWithLinkAsync(code);
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await Expect(phone.Page.Locator("#left")).ToBeVisibleAsync(Live);
        await phone.Page.Locator("#left").FillAsync("We agreed on one goal.");
        await phone.Page.Locator("#right").FillAsync("Nobody owned decisions.");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        await Expect(phone.Page.Locator("#answer-text")).ToBeVisibleAsync(Live);

        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();

        // The room's view of step 1 is an empty form; this phone answered step 1, so it shows its own answer instead.
        await Expect(phone.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(phone.Page.GetByText("We agreed on one goal.")).ToBeVisibleAsync();
        await Expect(phone.Page.Locator("#left")).ToHaveCountAsync(0);
        await phone.AssertNotReloadedAsync("going back to an answered step");
    });
}
