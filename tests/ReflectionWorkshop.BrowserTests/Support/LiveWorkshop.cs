using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// The real app on real Kestrel at 127.0.0.1 (a free port), over a throw-away SQLite file and the shipped
/// activities, so a browser can open it like any other site. One serves every browser test of a run (<see cref="BrowserHost"/>).
/// </summary>
public sealed class LiveWorkshop : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rw-browser-" + Guid.NewGuid().ToString("N"));

    /// <summary>What the app logged at warning level or above, to show when a test fails.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>What the app logged as an error: a browser test fails on any.</summary>
    public IReadOnlyList<string> Errors => [.. Problems.Where(IsError)];

    /// <summary>Whether a line of <see cref="Problems"/> is an error (or worse) rather than a warning.</summary>
    public static bool IsError(string problem) =>
        problem.StartsWith(nameof(LogLevel.Error), StringComparison.Ordinal) || problem.StartsWith(nameof(LogLevel.Critical), StringComparison.Ordinal);

    /// <summary>Settings a test adds before <see cref="Start"/> (e.g. a single sign-on provider's).</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Starts the server and returns its address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_folder, "browser-tests.db")}");
        builder.UseEnvironment("Production");
        // One app serves the whole run (BrowserHost) and every browser comes from 127.0.0.1, so the per-address limit
        // on account posts (10 a minute: sign-ups and sign-ins) would count all the tests' facilitators together.
        builder.UseSetting("RateLimits:accounts:PermitsPerWindow", "1000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // Serve site.js, the SignalR client and the CSS from the build's manifest, as `dotnet run` does.
        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new ProblemLoggerProvider(Problems));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // Still held open; the OS cleans its temp folder.
            }
        }
    }

    private sealed class ProblemLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ProblemLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class ProblemLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name + ": " + exception.Message)}");
            }
        }
    }
}
