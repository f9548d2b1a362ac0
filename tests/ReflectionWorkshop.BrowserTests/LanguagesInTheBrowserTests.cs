using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using ReflectionWorkshop.Domain.Activities;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// One session, two phones: one whose browser speaks Spanish, one English. Each sees the app and the activity in its
/// own language, live, and axe finds no serious or critical violation on either.
/// </summary>
public sealed class LanguagesInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private static readonly Activity FourCharacteristics = ActivityFileParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-content", "activities", "four-characteristics.md"))).Activity!;

    [ChromiumFact]
    public Task A_spanish_phone_and_an_english_phone_each_see_their_language() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1280, 900, phone: false);
        var code = await laptop.Page.OpenASessionAsync(FourCharacteristics.Title);
        var runUrl = laptop.Page.Url;

        var spanish = await OpenAsync("teléfono", 360, 780, phone: true, locale: "es-ES");
        await spanish.Page.GotoAsync("join");
        await Expect(spanish.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(spanish.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unirte a una sesión");
        await Axe("join, Spanish", spanish.Page);
        await spanish.Page.GetByLabel("Código de la sesión").PressSequentiallyAsync(code);
        await spanish.Page.GetByRole(AriaRole.Button, new() { Name = "Entrar", Exact = true }).ClickAsync();
        await spanish.Page.WaitForURLAsync(new Regex($"/s/{code}$"));
        await Expect(spanish.Page.GetByRole(AriaRole.Heading, new() { Name = "Ya estás dentro" })).ToBeVisibleAsync();
        await Axe("lobby, Spanish", spanish.Page);

        var english = await OpenAsync("phone", 360, 780, phone: true);
        await english.JoinByTypingAsync(code);
        await Axe("lobby, English", english.Page);
        Phase("a Spanish and an English phone are in the lobby");

        // The facilitator moves the room to the list step; each phone follows live, in its own language.
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Start: show step 1" }).ClickAsync();
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Next: step 2" }).ClickAsync();
        var es = FourCharacteristics.In("es");
        await Expect(spanish.Page.GetByRole(AriaRole.Heading, new() { Name = es.Prompts[1].Title })).ToBeVisibleAsync(Live);
        await Expect(english.Page.GetByRole(AriaRole.Heading, new() { Name = FourCharacteristics.Prompts[1].Title })).ToBeVisibleAsync(Live);
        await Expect(spanish.Page.GetByRole(AriaRole.Button, new() { Name = "Guardar respuesta" })).ToBeVisibleAsync();
        await Expect(english.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" })).ToBeVisibleAsync();
        await Axe("list step, Spanish", spanish.Page);
        await Axe("list step, English", english.Page);

        // Both answer; the facilitator sees both answers arrive on the one step.
        await spanish.Page.Locator("#item-0").FillAsync("Confianza");
        await spanish.Page.GetByRole(AriaRole.Button, new() { Name = "Guardar respuesta" }).ClickAsync();
        await english.Page.Locator("#item-0").FillAsync("Trust");
        await english.Page.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Expect(spanish.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Expect(english.Page.Locator(".saved-badge")).ToBeVisibleAsync(Live);
        await Axe("saved, Spanish", spanish.Page);
        await laptop.Page.GotoAsync(runUrl);
        await Expect(laptop.Page.Locator("#answers-heading")).ToHaveTextAsync("Answers: 2 of 2", LiveText);
        Phase("each phone answered in its own language; the control page counts both");

        // The Spanish phone switches to English with the switch at the foot of the page, and stays switched.
        await spanish.Page.GetByLabel("Idioma", new() { Exact = true }).SelectOptionAsync("en");
        await spanish.Page.GetByRole(AriaRole.Button, new() { Name = "Cambiar" }).ClickAsync();
        await Expect(spanish.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(spanish.Page.GetByRole(AriaRole.Heading, new() { Name = FourCharacteristics.Prompts[1].Title })).ToBeVisibleAsync();
        AssertNoErrors();
    });

    private async Task Axe(string pageName, IPage page)
    {
        var found = await Support.Axe.SeriousViolationsAsync(page, pageName);
        Phase($"axe on {pageName}: {(found.Count == 0 ? "no serious or critical violations" : string.Join("; ", found))}");
        Assert.Empty(found);
    }
}
