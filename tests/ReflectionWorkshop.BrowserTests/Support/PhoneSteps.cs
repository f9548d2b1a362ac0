using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>The two ways a phone joins a session, each ending in the lobby with the page marked (see <see cref="Screen.MarkAsync"/>).</summary>
public static class PhoneSteps
{
    /// <summary>The link behind the QR code, then the Join button.</summary>
    public static async Task JoinWithLinkAsync(this Screen phone, string code)
    {
        await phone.Page.GotoAsync("j/" + code);
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await InTheLobbyAsync(phone, code);
    }

    /// <summary>/join, typing the code from the screen.</summary>
    public static async Task JoinByTypingAsync(this Screen phone, string code)
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
}
