using Microsoft.Playwright;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// Waiting for a facilitator's page to catch up. Once its live connection is up, such a page re-reads itself and
/// swaps its live part in (site.js); a test that types into the part about to be replaced, or leaves while the hub is
/// still subscribing, is flaky. <see cref="RememberLoaded"/> (an init script) remembers the live part each page loaded
/// with; <see cref="SettledAsync"/> waits until it has been swapped.
/// </summary>
public static class LivePages
{
    public const string RememberLoaded = """
        document.addEventListener("DOMContentLoaded", () => { window.__loadedLive = document.querySelector("[data-live]"); });
        """;

    public static Task SettledAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.__loadedLive && document.querySelector('[data-live]') !== window.__loadedLive");

    /// <summary>A theme's column on the board, by its exact name.</summary>
    public static ILocator ThemeNamed(IPage board, string name) =>
        board.Locator("section.theme")
            .Filter(new() { Has = board.GetByRole(AriaRole.Heading, new() { Level = 2, Name = name, Exact = true }) });
}
