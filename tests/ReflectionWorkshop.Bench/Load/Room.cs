using System.Collections.Concurrent;
using System.Globalization;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>Options shared by `load` and `crash`.</summary>
public sealed record RoomOptions(Uri? Url, int Participants, int Seconds, bool Build, int? Pid, string? DatabaseFolder)
{
    /// <summary>Set by --no-watch: the facilitator does not watch over SignalR (to measure the broadcast's share).</summary>
    public static bool NoWatch { get; private set; }

    /// <summary>Set by --no-floor: `load` does not measure the framework's floor beside the app (see <see cref="Floor"/>).</summary>
    public static bool NoFloor { get; private set; }

    public static RoomOptions Parse(string[] args, int defaultParticipants, int defaultSeconds)
    {
        Uri? url = null;
        int participants = defaultParticipants, seconds = defaultSeconds;
        int? pid = null;
        var build = true;
        string? databaseFolder = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url":
                    url = new Uri(Next().TrimEnd('/') + "/");
                    break;
                case "--participants":
                    participants = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--seconds":
                    seconds = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--pid":
                    pid = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--server-env":
                    // Diagnostics only (e.g. DOTNET_gcServer=0): an extra setting for the child server, printed with the others.
                    var pair = Next().Split('=', 2);
                    ServerInstance.Settings[pair[0]] = pair.Length == 2 ? pair[1] : "";
                    break;
                case "--no-floor":
                    NoFloor = true;
                    break;
                case "--no-watch":
                    // Diagnostics only: no facilitator hub connection, so saved answers broadcast to no one.
                    NoWatch = true;
                    break;
                case "--db-folder":
                    databaseFolder = Next();
                    break;
                case "--no-build":
                    build = false;
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        if (participants is < 1 or > 5000 || seconds is < 1 or > 600)
        {
            throw new ArgumentException("--participants must be 1..5000 and --seconds 1..600 (the run is bounded)");
        }

        if (url is not null && !(url.IsLoopback && (url.Host == "127.0.0.1" || url.Host == "localhost")))
        {
            throw new ArgumentException("--url must be on 127.0.0.1 (this generator only loads the loopback interface)");
        }

        return new RoomOptions(url, participants, seconds, build, pid, databaseFolder);
    }
}

/// <summary>
/// A workshop room: a facilitator with an open session of two-team-compare (a compare step, then a text step)
/// and N phones that joined it and follow it over SignalR.
/// </summary>
public sealed class Room : IAsyncDisposable
{
    public const string Activity = "two-team-compare";

    private Room(Uri url, FacilitatorClient facilitator, string runTag)
    {
        Url = url;
        Facilitator = facilitator;
        RunTag = runTag;
    }

    public Uri Url { get; }

    public FacilitatorClient Facilitator { get; }

    public string RunTag { get; }

    public List<Phone> Phones { get; } = [];

    public ConcurrentBag<double> JoinMs { get; } = [];

    public ConcurrentDictionary<string, int> Errors { get; } = new();

    public void Error(string what) => Errors.AddOrUpdate(what, 1, (_, n) => n + 1);

    /// <summary>The first account signs up, makes a space and opens the session; its page starts watching.</summary>
    public static async Task<Room> OpenAsync(Uri url, string runTag, CancellationToken cancellationToken)
    {
        var facilitator = new FacilitatorClient(url);
        await facilitator.SignUpAsync(cancellationToken);
        await facilitator.OpenSessionAsync(Activity, cancellationToken);
        if (!RoomOptions.NoWatch)
        {
            await facilitator.WatchAsync(cancellationToken);
        }

        return new Room(url, facilitator, runTag);
    }

    public string Code => Facilitator.Code;

    /// <summary>N more phones join (32 at a time, as a room trickles in) and connect to the hub.</summary>
    public async Task JoinAsync(int count, CancellationToken cancellationToken)
    {
        var arriving = Enumerable.Range(Phones.Count, count).Select(i => new Phone(i, Url, Code)).ToList();
        Phones.AddRange(arriving);
        await Parallel.ForEachAsync(arriving, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (phone, ct) =>
        {
            try
            {
                JoinMs.Add(await phone.JoinAsync(ct));
                await phone.ConnectAsync(ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or IOException or System.Net.WebSockets.WebSocketException)
            {
                Error($"join/connect: {Describe(ex)}");
            }
        });
    }

    /// <summary>
    /// The room moved to <paramref name="step"/>: each phone hears it on the hub and shows the room's view it carries
    /// (or, when it carries none, re-reads its page).
    /// </summary>
    /// <param name="since">When given (the moment the facilitator pressed), each figure runs from then to the step shown;
    /// otherwise from the moment the phone heard the signal (0 when the view came with it).</param>
    public async Task<List<double>> LoadFormsAsync(int step, CancellationToken cancellationToken, long? since = null)
    {
        var pageMs = new ConcurrentBag<double>();
        await Task.WhenAll(Phones.Where(p => p.Joined).Select(async phone =>
        {
            if (!await phone.WaitForStepAsync(step, TimeSpan.FromSeconds(20), cancellationToken))
            {
                Error($"no hub signal for step {step + 1} within 20 s (phone polled instead)");
            }

            try
            {
                var asked = System.Diagnostics.Stopwatch.GetTimestamp();
                var shown = await phone.ShowStepAsync(step, cancellationToken);
                pageMs.Add(Math.Max(0, System.Diagnostics.Stopwatch.GetElapsedTime(since ?? asked, shown).TotalMilliseconds));
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                Error($"answer page: {Describe(ex)}");
            }
        }));
        return [.. pageMs];
    }

    public static string Describe(Exception ex) => ex switch
    {
        HttpRequestException http => $"HTTP {http.HttpRequestError}",
        TaskCanceledException => "time-out",
        _ => ex.Message.Length > 120 ? ex.Message[..120] : ex.Message,
    };

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(Phones, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (phone, _) => await phone.DisposeAsync());
        await Facilitator.DisposeAsync();
    }

    /// <summary>Enough threads from the start for thousands of connections' callbacks, so the client does not ramp up slowly.</summary>
    public static void PrepareClient()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }
}
