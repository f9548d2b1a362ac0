using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// A Release build of ReflectionWorkshop.Web started as a child process on 127.0.0.1, with its own temporary
/// SQLite database. It can be killed (SIGKILL, like kill -9) and started again on the same database and port.
/// </summary>
public sealed class ServerInstance : IAsyncDisposable
{
    /// <summary>
    /// Settings given to the child through environment variables. Every simulated phone comes from 127.0.0.1,
    /// so the per-address join limit (120 a minute, meant for one school network) is raised: the run measures
    /// the app, not the limiter. The per-phone answer limit is left as shipped.
    /// </summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimits__join__PermitsPerWindow"] = "1000000",
        ["RateLimits__accounts__PermitsPerWindow"] = "1000",
    };

    private readonly string _dll;
    private readonly string _folder;
    private readonly object _logLock = new();
    private StreamWriter? _log;
    private Process? _process;

    private ServerInstance(string dll, string folder, int port)
    {
        _dll = dll;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public string DatabasePath => Path.Combine(_folder, "workshop.db");

    public string LogPath => Path.Combine(_folder, "server.log");

    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Builds the web app in Release (unless told not to) and starts it on a free loopback port.</summary>
    /// <param name="databaseFolder">Where the temporary database goes (default: the temp folder); e.g. /dev/shm to take the disk out of a measurement.</param>
    public static async Task<ServerInstance> StartAsync(bool build, CancellationToken cancellationToken, string? databaseFolder = null)
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "ReflectionWorkshop.Web", "ReflectionWorkshop.Web.csproj");
        var dll = Path.Combine(root, "src", "ReflectionWorkshop.Web", "bin", "Release", "net10.0", "ReflectionWorkshop.Web.dll");
        if (build || !File.Exists(dll))
        {
            Console.WriteLine("building src/ReflectionWorkshop.Web (Release)…");
            await RunToEndAsync("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", project], cancellationToken);
        }

        var folder = Path.Combine(databaseFolder ?? Path.GetTempPath(), $"rw-load-{Environment.ProcessId}-{Guid.NewGuid():N}"[..32]);
        Directory.CreateDirectory(folder);
        var instance = new ServerInstance(dll, folder, FreePort());
        await instance.LaunchAsync(cancellationToken);
        return instance;
    }

    /// <summary>Starts the process (again) on the same port and database and waits until /healthz answers.</summary>
    public async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        start.Environment["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={DatabasePath}";
        foreach (var (name, value) in Settings)
        {
            start.Environment[name] = value;
        }

        _log ??= new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} while starting; see {LogPath}.");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(Url, "healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The server did not answer /healthz within 60 s; see {LogPath}.");
    }

    /// <summary>
    /// SIGKILL, like kill -9: no shutdown, no flushing, nothing the app can do about it. The server is one
    /// process (dotnet running the dll), so the signal goes straight to it; returns when it was sent.
    /// </summary>
    public long KillNow()
    {
        _process?.Kill();
        var sent = System.Diagnostics.Stopwatch.GetTimestamp();
        _process?.WaitForExit(10_000);
        return sent;
    }

    /// <summary>Stops the server and anything it started (at the end, and on failure).</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>Resident memory of the server process in KB (VmRSS in /proc), or null when not known.</summary>
    public long? RssKb() => ProcessId is { } pid ? ReadRssKb(pid) : null;

    public static long? ReadRssKb(int pid) => ReadStatusKb(pid, "VmRSS");

    /// <summary>A kB figure of /proc/{pid}/status: VmRSS (all resident memory), RssAnon (the GC heap and native allocations), RssShmem (here: the JIT's code, mapped twice), RssFile.</summary>
    public static long? ReadStatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }

        await Task.Yield();
        if (Environment.GetEnvironmentVariable("RW_LOAD_KEEP") is not "1")
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The last lines of the server's log, for a failure message.</summary>
    /// <summary>Says why a bench verb stopped, with the end of its server's log when it ran one; returns the exit code 1.</summary>
    public static int Failed(string verb, Exception exception, ServerInstance? server)
    {
        Console.Error.WriteLine($"{verb}: failed: {exception.GetType().Name}: {exception.Message}");
        if (server is not null)
        {
            Console.Error.WriteLine($"last lines of the server log:\n{server.LogTail()}");
        }

        return 1;
    }

    public string LogTail(int lines = 20)
    {
        lock (_logLock)
        {
            _log?.Flush();
        }

        return File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "";
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ReflectionWorkshop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run this from inside the repository (ReflectionWorkshop.sln not found above the current folder).");
    }

    private static async Task RunToEndAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed:\n{await output}\n{await error}");
        }
    }
}
