using Microsoft.Playwright;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// Debian's Chromium (its headless shell), driven by Playwright. No Playwright browser build is ever downloaded:
/// scripts/install-chromium.sh installs the distribution's package, and without it the tests are skipped.
/// </summary>
public static class Chromium
{
    /// <summary>
    /// Where the browser is: RW_CHROMIUM if set (a developer's own Chromium), else Debian's headless shell
    /// (package chromium-headless-shell: the same engine without the desktop browser around it, which ran the
    /// browser tests in half the time and CPU of the full chromium on 2 cores), else Debian's full chromium.
    /// </summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("RW_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists(HeadlessShell) ? HeadlessShell
        : "/usr/bin/chromium";

    private const string HeadlessShell = "/usr/bin/chromium-headless-shell";

    public static bool IsAvailable => File.Exists(ExecutablePath);

    public static string MissingReason =>
        $"SKIPPED browser tests: chromium not available at {ExecutablePath} (run scripts/install-chromium.sh as root, or set RW_CHROMIUM)";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
}

/// <summary>A test that needs a real browser: skipped, with the reason shown, when Chromium is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsAvailable)
        {
            Skip = Chromium.MissingReason;
        }
    }
}
