using System.Diagnostics;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// A whole workshop in real Chromium: a facilitator's laptop and three phones, with live updates over
/// SignalR, the offline answer queue and double taps, exactly as the room would use them.
/// </summary>
public sealed class WorkshopInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    [ChromiumFact]
    public Task A_room_answers_live_keeps_an_offline_answer_and_counts_every_answer_once() => RunAsync(RunWorkshopAsync);

    private async Task RunWorkshopAsync()
    {
        // The facilitator, on a laptop: an account, a space, a session of "Two-team compare".
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        var control = laptop.Page;
        var code = await control.OpenASessionAsync("Two-team compare");
        Assert.Matches("^[A-Z0-9]{6}$", code);
        await laptop.MarkAsync();
        Phase($"facilitator registered, made a space and opened session {code}");

        // Three phones join: one through the QR link, two by typing the code.
        var phones = await Task.WhenAll(
            OpenAsync("phone 1", 390, 844, phone: true),
            OpenAsync("phone 2", 390, 844, phone: true),
            OpenAsync("phone 3", 390, 844, phone: true));
        await Task.WhenAll(
            phones[0].JoinWithLinkAsync(code),
            phones[1].JoinByTypingAsync(code),
            phones[2].JoinByTypingAsync(code));

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

        foreach (var expected in Screens.SelectMany(s => s.ExpectedOfflineErrors()))
        {
            Output.WriteLine("expected while offline: " + expected);
        }

        Assert.Equal(answersSentBefore + 1, phones[1].PostsTo("handler=Answer"));
        AssertNoErrors();
    }
}
