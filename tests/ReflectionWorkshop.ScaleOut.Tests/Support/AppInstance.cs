using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ReflectionWorkshop.ScaleOut.Tests.Support;

/// <summary>
/// One instance of the app as a real process (<c>dotnet ReflectionWorkshop.Web.dll</c> from its build output) on
/// its own port of 127.0.0.1, configured only through environment variables, as docs/deploy.md describes.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private ChildProcess? _process;

    public AppInstance(string name, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        Name = name;
        Port = port ?? Tools.FreePort();
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>How nginx names this instance in X-Upstream.</summary>
    public string Upstream => $"127.0.0.1:{Port}";

    public string Log => _process?.Log ?? "";

    public bool HasExited => _process?.HasExited ?? true;

    public int ExitCode => _process!.ExitCode;

    /// <summary>The app's build output: the same configuration (Debug/Release) as these tests.</summary>
    public static string WebFolder { get; } = FindWebFolder();

    /// <summary>Starts the process; with <paramref name="waitHealthy"/>, waits until /healthz answers 200.</summary>
    public async Task StartAsync(bool waitHealthy = true)
    {
        var environment = new Dictionary<string, string>(_environment)
        {
            ["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__LogLevel__ReflectionWorkshop"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        _process = ChildProcess.Start(Name, "dotnet", [Path.Combine(WebFolder, "ReflectionWorkshop.Web.dll")], WebFolder, environment);
        if (!waitHealthy)
        {
            return;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await Wait.UntilAsync(
                async () =>
                {
                    if (_process.HasExited)
                    {
                        throw new InvalidOperationException($"Instance {Name} ended with {_process.ExitCode} while starting:\n{Log}");
                    }

                    try
                    {
                        using var response = await client.GetAsync(new Uri(Address, "healthz"));
                        return response.StatusCode == HttpStatusCode.OK;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return false;
                    }
                },
                TimeSpan.FromSeconds(90),
                $"instance {Name} to answer /healthz");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\n" + Log, ex);
        }
    }

    /// <summary>A graceful stop (SIGTERM, as systemd or docker send it); returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        if (_process is not null && !await _process.SignalAndWaitAsync("TERM", patience))
        {
            throw new TimeoutException($"Instance {Name} did not stop within {patience.TotalSeconds} s of SIGTERM:\n{Log}");
        }

        return clock.Elapsed;
    }

    /// <summary>Waits for a process that is expected to end by itself (e.g. one that must refuse to start).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        if (_process is null || !await _process.WaitForExitAsync(patience))
        {
            throw new TimeoutException($"Instance {Name} did not end within {patience.TotalSeconds} s:\n{Log}");
        }

        return ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static string FindWebFolder()
    {
        // tests/ReflectionWorkshop.ScaleOut.Tests/bin/<Configuration>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ReflectionWorkshop.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No ReflectionWorkshop.sln above {AppContext.BaseDirectory}.");
        }

        var folder = Path.Combine(root.FullName, "src", "ReflectionWorkshop.Web", "bin", configuration, framework);
        return File.Exists(Path.Combine(folder, "ReflectionWorkshop.Web.dll"))
            ? folder
            : throw new InvalidOperationException($"The app is not built at {folder}.");
    }

    public override string ToString() => $"{Name} ({Port.ToString(CultureInfo.InvariantCulture)})";
}
