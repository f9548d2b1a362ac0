using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// What every browser test stands on: the app on a free port and one Chromium, both shared by the whole run (see
/// <see cref="BrowserHost"/>), the screens the test opened (each its own browser context, closed again afterwards), a
/// clock for the phases in the test's output, and, when the story fails, a screenshot of every screen with what its
/// console and the server said while the test ran.
/// </summary>
public abstract class BrowserWorkshop(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What "live" means here: a phone or the control page catches up within this, without a reload.</summary>
    protected static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 5_000 };
    protected static readonly LocatorAssertionsToHaveTextOptions LiveText = new() { Timeout = 5_000 };

    private readonly List<Screen> _screens = [];
    private readonly Stopwatch _clock = new();
    private BrowserHost? _host;

    /// <summary>How many lines the shared app had logged when this test began: the test answers for those after.</summary>
    private int _problemsBefore;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>The running app; only there when Chromium is, as a test without a browser is skipped.</summary>
    protected LiveWorkshop App => _host!.App;

    /// <summary>Every screen the test opened, in the order they opened.</summary>
    protected IReadOnlyList<Screen> Screens => _screens;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsAvailable)
        {
            return;
        }

        _clock.Start();
        SetDefaultExpectTimeout(10_000); // page loads on a busy 2-core CI machine; live checks set their own 5 s
        _host = OwnApp ? await BrowserHost.StartAsync(BeforeTheAppStartsAsync) : await BrowserHost.GetAsync();
        _problemsBefore = _host.App.Problems.Count;
        Phase($"app on {_host.Server} and Chromium {_host.Browser.Version} ready");
    }

    public async Task DisposeAsync()
    {
        foreach (var screen in _screens)
        {
            await screen.CloseAsync();
        }

        if (OwnApp && _host is not null)
        {
            _host.Stop();
            await AfterTheAppStoppedAsync();
        }
    }

    /// <summary>The app's address, e.g. http://127.0.0.1:41234/.</summary>
    protected Uri Server => _host!.Server;

    /// <summary>
    /// True for a class whose app needs settings of its own: each of its tests then starts its own app (after
    /// <see cref="BeforeTheAppStartsAsync"/>) and Chromium instead of the run's shared ones.
    /// </summary>
    protected virtual bool OwnApp => false;

    /// <summary>What a test class starts before its own app (a counterpart the app's settings point at), adding to <see cref="LiveWorkshop.Settings"/>.</summary>
    protected virtual Task BeforeTheAppStartsAsync(LiveWorkshop app) => Task.CompletedTask;

    /// <summary>Stops what <see cref="BeforeTheAppStartsAsync"/> started.</summary>
    protected virtual Task AfterTheAppStoppedAsync() => Task.CompletedTask;

    /// <summary>
    /// Runs the test's story. When it fails, the screens and the server's problems go to the output before the
    /// failure itself, since the failure alone rarely says what the room looked like.
    /// </summary>
    protected async Task RunAsync(Func<Task> story)
    {
        try
        {
            await story();
        }
        catch
        {
            await SaveFailureScreenshotsAsync();
            foreach (var problem in ProblemsSinceStart())
            {
                Output.WriteLine("server: " + problem);
            }

            throw;
        }
        finally
        {
            Phase("done");
        }
    }

    protected void Phase(string what) => Output.WriteLine($"{_clock.Elapsed.TotalSeconds,5:F1} s  {what}");

    protected async Task<Screen> OpenAsync(string name, int width, int height, bool phone, string locale = "en-US")
    {
        var screen = await Screen.OpenAsync(_host!.Browser, _host.Server, name, width, height, phone, locale);
        lock (_screens)
        {
            _screens.Add(screen);
        }

        return screen;
    }

    /// <summary>
    /// A story ends clean: no screen's console reported an error it should not have, and neither did the server while
    /// the test ran (the app is shared, so an error of a test running beside this one shows here too, and still fails).
    /// </summary>
    protected void AssertNoErrors()
    {
        var unexpected = _screens.SelectMany(s => s.UnexpectedErrors()).ToList();
        Assert.True(unexpected.Count == 0, "Console errors:\n" + string.Join("\n", unexpected));
        var errors = ProblemsSinceStart().Where(LiveWorkshop.IsError).ToList();
        Assert.True(errors.Count == 0, "The server logged errors while this test ran:\n" + string.Join("\n", errors));
    }

    /// <summary>What the shared app logged at warning level or above since this test began.</summary>
    private IEnumerable<string> ProblemsSinceStart() => App.Problems.Skip(_problemsBefore);

    /// <summary>
    /// Screenshots go to TestResults/browser/; with RW_UPDATE_SCREENSHOTS=1 the published ones also replace
    /// those in docs/screenshots/.
    /// </summary>
    protected static async Task Screenshot(Screen screen, string file, bool publish = false, bool fullPage = false)
    {
        var path = InTestResults(file);
        await screen.Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        if (publish && Environment.GetEnvironmentVariable("RW_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(RepositoryRoot(), "docs", "screenshots", file), overwrite: true);
        }
    }

    /// <summary>Where a file of this name goes in TestResults/browser/, with the folder made.</summary>
    protected static string InTestResults(string file)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }

    /// <summary>
    /// One screen's picture when the story failed. A test class whose screenshots would overwrite another's
    /// names its own.
    /// </summary>
    protected virtual Task SaveFailureScreenshotAsync(Screen screen) =>
        Screenshot(screen, $"failure-{screen.Name.Replace(' ', '-')}.png");

    private async Task SaveFailureScreenshotsAsync()
    {
        foreach (var screen in _screens)
        {
            try
            {
                await SaveFailureScreenshotAsync(screen);
                Output.WriteLine($"{screen.Name} was at {screen.Page.Url}; screenshot in TestResults/browser/.");
            }
            catch (PlaywrightException)
            {
                // The page is gone; the test's own failure says more.
            }

            foreach (var error in screen.UnexpectedErrors().Concat(screen.ExpectedOfflineErrors()))
            {
                Output.WriteLine("console: " + error);
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
