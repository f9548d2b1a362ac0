using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// One device in the room (a phone or the facilitator's laptop): its own browser context, so its own
/// cookies, plus what its console said, and a way to prove that live updates never reloaded the page.
/// </summary>
public sealed partial class Screen(string name, IBrowserContext context, IPage page)
{
    /// <summary>How long after coming back online the phone may still report the failures of the offline moment.</summary>
    private static readonly TimeSpan OfflineGrace = TimeSpan.FromSeconds(10);

    private readonly List<ConsoleError> _errors = [];
    private readonly List<string> _posts = [];
    private int _hubSockets;
    private DateTimeOffset? _offlineSince;
    private DateTimeOffset? _onlineAgainAt;

    public string Name { get; } = name;

    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    public static async Task<Screen> OpenAsync(IBrowser browser, Uri server, string name, int width, int height, bool phone, string locale = "en-US")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = locale,
        });
        context.SetDefaultTimeout(10_000);
        // A page load (goto, a form's redirect, waiting for a URL) may take longer than a check: the first load of
        // a page kind JIT-compiles it, and CI runs the other test projects on the same two cores meanwhile.
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        var screen = new Screen(name, context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                screen.Record(message.Text);
            }
        };
        page.PageError += (_, error) => screen.Record("Uncaught: " + error);
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/session", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref screen._hubSockets);
            }
        };
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                lock (screen._posts)
                {
                    screen._posts.Add(new Uri(request.Url).PathAndQuery);
                }
            }
        };
        return screen;
    }

    /// <summary>Cuts the network, as a phone does in a lift or a basement.</summary>
    public async Task GoOfflineAsync()
    {
        lock (_errors)
        {
            _offlineSince = DateTimeOffset.UtcNow;
            _onlineAgainAt = null;
        }

        await Context.SetOfflineAsync(true);
    }

    public async Task GoOnlineAsync()
    {
        await Context.SetOfflineAsync(false);
        lock (_errors)
        {
            _onlineAgainAt = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Sets a marker in the page's window: a reload or navigation wipes it.</summary>
    public Task MarkAsync() => Page.EvaluateAsync("() => { window.__marker = 1; }");

    public async Task AssertNotReloadedAsync(string moment)
    {
        var marker = await Page.EvaluateAsync<int?>("() => window.__marker ?? null");
        Assert.True(marker == 1, $"{Name}: the page was reloaded or navigated away ({moment}); live updates should swap the page in place.");
    }

    /// <summary>How many WebSockets to the live hub this page opened: live updates come over one, not the slow poll.</summary>
    public int HubSockets => Volatile.Read(ref _hubSockets);

    /// <summary>How many POSTs this page sent (or tried to send) to addresses containing <paramref name="part"/>.</summary>
    public int PostsTo(string part)
    {
        lock (_posts)
        {
            return _posts.Count(p => p.Contains(part, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Console errors other than the network failures of a moment this screen was offline.</summary>
    public IReadOnlyList<string> UnexpectedErrors()
    {
        lock (_errors)
        {
            return [.. _errors.Where(e => !e.DuringOffline || !NetworkFailure().IsMatch(e.Text)).Select(e => $"{Name}: {e.Text}")];
        }
    }

    public IReadOnlyList<string> ExpectedOfflineErrors()
    {
        lock (_errors)
        {
            return [.. _errors.Where(e => e.DuringOffline && NetworkFailure().IsMatch(e.Text)).Select(e => $"{Name}: {e.Text}")];
        }
    }

    public Task CloseAsync() => Context.CloseAsync();

    private void Record(string text)
    {
        lock (_errors)
        {
            var now = DateTimeOffset.UtcNow;
            var offline = _offlineSince is { } since && now >= since && (_onlineAgainAt is not { } back || now <= back + OfflineGrace);
            _errors.Add(new ConsoleError(text, offline));
        }
    }

    [GeneratedRegex(@"ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|Failed to fetch|WebSocket|Failed to complete negotiation|Failed to start the connection|Connection disconnected", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkFailure();

    private sealed record ConsoleError(string Text, bool DuringOffline);
}
