using Microsoft.Playwright;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// The one app and the one Chromium every browser test of a run stands on, started by the first test that asks and
/// ended when the test process exits. Starting both took a few seconds of CPU per test (a host, its migrations, the
/// app's first requests jitted again, a browser process); each test still signs up its own facilitator, makes its
/// own space and session and opens its own browser contexts (own cookies, own storage), so the tests stay apart.
/// </summary>
public sealed class BrowserHost
{
    private static readonly Lazy<Task<BrowserHost>> Started = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private BrowserHost(LiveWorkshop app, Uri server, IPlaywright playwright, IBrowser browser)
    {
        App = app;
        Server = server;
        Playwright = playwright;
        Browser = browser;
    }

    public LiveWorkshop App { get; }

    public Uri Server { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    /// <summary>The shared app and browser, started on the first call.</summary>
    public static Task<BrowserHost> GetAsync() => Started.Value;

    private static async Task<BrowserHost> StartSharedAsync()
    {
        var host = await StartAsync(_ => Task.CompletedTask);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => host.Stop();
        return host;
    }

    /// <summary>
    /// An app and a Chromium of a test class's own, for a class whose app needs settings of its own (a single sign-on
    /// provider it starts first, in <paramref name="beforeTheAppStarts"/>); the class stops them with <see cref="Stop"/>.
    /// </summary>
    public static async Task<BrowserHost> StartAsync(Func<LiveWorkshop, Task> beforeTheAppStarts)
    {
        var app = new LiveWorkshop();
        await beforeTheAppStarts(app);
        var server = app.Start();
        // The first request to a new app compiles its pages; made once here, not by the first tests' browsers
        // against their navigation timeouts.
        using (var client = new HttpClient { BaseAddress = server })
        {
            (await client.GetAsync("account/register")).EnsureSuccessStatusCode();
        }

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        return new BrowserHost(app, server, playwright, browser);
    }

    public void Stop()
    {
        try
        {
            Browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The driver is already gone; Chromium ends with it.
        }

        Playwright.Dispose();
        App.Dispose();
    }
}
