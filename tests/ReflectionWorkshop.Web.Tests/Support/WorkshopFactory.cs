using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// The real app over a throw-away SQLite file and a copy of the shipped activities (plus any extra
/// activity files a test adds), so tests can't disturb each other or a developer's database.
/// <c>new WorkshopFactory()</c> in a test is an app of that test's own; a test class whose tests only
/// need a fresh account and space each shares one app between them instead (see <see cref="SharedWorkshop"/>).
/// </summary>
public partial class WorkshopFactory : WebApplicationFactory<Program>
{
    /// <summary>Tests readied on a shared app so far (in every class), for each test's own client address.</summary>
    private static int _tests;

    /// <summary>The address this test's visitors come from on a shared app (null: the test server's none).</summary>
    private string? _testAddress;

    private readonly bool _ownsFolder;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public WorkshopFactory(params (string File, string Content)[] extraActivities)
        : this(NewFolder(), extraActivities) =>
        _ownsFolder = true;

    /// <summary>An app with extra configuration, e.g. tighter rate limits.</summary>
    public WorkshopFactory(IReadOnlyDictionary<string, string?> settings)
        : this(NewFolder(), settings, []) =>
        _ownsFolder = true;

    /// <summary>An app over an existing folder: a second factory on the same folder is the same installation restarted.</summary>
    public WorkshopFactory(string folder, params (string File, string Content)[] extraActivities)
        : this(folder, new Dictionary<string, string?>(), extraActivities)
    {
    }

    private WorkshopFactory(string folder, IReadOnlyDictionary<string, string?> settings, (string File, string Content)[] extraActivities)
    {
        _settings = settings;
        Folder = folder;
        ActivityFolder = Path.Combine(Folder, "activities");
        Directory.CreateDirectory(ActivityFolder);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "seed-content", "activities"), "*.md"))
        {
            File.Copy(file, Path.Combine(ActivityFolder, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var (file, content) in extraActivities)
        {
            File.WriteAllText(Path.Combine(ActivityFolder, file), content);
        }

        DatabasePath = Path.Combine(Folder, "data", "test.db");
    }

    public string Folder { get; }

    public string ActivityFolder { get; }

    public string DatabasePath { get; }

    /// <summary>Every line the app logged, for tests about what an operator is told.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>The links the app wrote to its log because no mail server is configured (password resets), oldest first.</summary>
    public List<Uri> LoggedLinks() =>
        Logs.Select(l => LoggedLink().Match(l)).Where(m => m.Success).Select(m => new Uri(m.Groups[1].Value)).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"No mail sender is configured\. "".*"" link for \S+: (\S+)$")]
    private static partial System.Text.RegularExpressions.Regex LoggedLink();

    /// <summary>
    /// Readies a shared app for the next test of its class (xunit runs them one at a time): visitors made from
    /// now on come from an address no other test used, so the per-address rate limits and sign-in holds count
    /// this test's own posts only, and <see cref="Logs"/> starts empty. Each test still signs up its own account
    /// and space; what the earlier tests stored stays in the database.
    /// </summary>
    public WorkshopFactory NextTest()
    {
        var n = Interlocked.Increment(ref _tests);
        _testAddress = $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
        Logs.Clear();
        return this;
    }

    /// <summary>The address this test's visitors come from on a shared app (see <see cref="NextTest"/>), or null.</summary>
    public string? TestAddress => _testAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // RW_TEST_BOOT_LOG=<file>: one line per app started, to count the boots of a run.
        if (Environment.GetEnvironmentVariable("RW_TEST_BOOT_LOG") is { Length: > 0 } bootLog)
        {
            lock (BootLogLock)
            {
                File.AppendAllText(bootLog, GetType().Name + Environment.NewLine);
            }
        }

        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Activities:Folder", ActivityFolder);
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(Logs)));
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, ClientAddresses>();
            // Identity's PBKDF2 at 100,000 rounds costs ~50 ms of CPU per sign-up and sign-in, and the tests sign up
            // hundreds of accounts; 1,000 rounds keep the same hasher and format (the count is stored in each hash).
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
        });
    }

    private static readonly Lock BootLogLock = new();

    /// <summary>The header a test sets to play a visitor from another network (the test server has no client address).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>Gives each request the address its <see cref="ClientAddressHeader"/> names, before the app sees it.</summary>
    private sealed class ClientAddresses : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address) && IPAddress.TryParse(address, out var parsed))
                {
                    context.Connection.RemoteIpAddress = parsed;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>A phone or laptop browser: its own cookies, redirects left for the test to see.</summary>
    /// <param name="cookies">The cookies of a browser that was here before, to play the same phone again.</param>
    /// <param name="address">The network it comes from (e.g. "198.51.100.7"), for tests of what is counted per address.</param>
    public Visitor NewVisitor(CookieContainer? cookies = null, string? address = null)
    {
        cookies ??= new CookieContainer();
        address ??= _testAddress;
        var client = CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        }

        return new(client, cookies);
    }

    /// <summary>A browser at another address (e.g. https://…); <paramref name="watcher"/> sees every response as it arrives, before its cookies are taken.</summary>
    public Visitor NewVisitor(Uri address, DelegatingHandler watcher)
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(address, watcher, new CookieContainerHandler(cookies));
        if (_testAddress is not null)
        {
            client.DefaultRequestHeaders.Add(ClientAddressHeader, _testAddress);
        }

        return new(client, cookies);
    }

    /// <summary>Serves the app on a free loopback port through real Kestrel (for SignalR clients and raw HTTP) and returns its address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "rw-tests-" + Guid.NewGuid().ToString("N"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the test host; the temp folder is cleaned by the OS.
            }
        }
    }
}

/// <summary>Collects log lines in memory.</summary>
internal sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

    public void Dispose()
    {
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
