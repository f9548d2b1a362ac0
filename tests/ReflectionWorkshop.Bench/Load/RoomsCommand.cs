using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using static ReflectionWorkshop.Bench.Load.Measures;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// `rooms`: a district's professional-development day on one installation (issue 21). R facilitators each sign up,
/// open their own session and watch it with a control page and a projector; P phones join each room. The rooms
/// then run at staggered moments: each starts, its phones answer step 1 spread over --seconds, its facilitator
/// presses Next, and its phones answer step 2 all at once. Prints what a room feels (submit, shown on the control
/// page, the step change from the press to the phone showing the new step) over all rooms, and memory per phone.
/// </summary>
public static class RoomsCommand
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var rooms = 40;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rooms" && i + 1 < args.Length)
            {
                rooms = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (rooms is < 1 or > 200)
        {
            Console.Error.WriteLine("rooms: --rooms must be 1..200 (the run is bounded)");
            return 2;
        }

        var options = RoomOptions.Parse([.. rest], defaultParticipants: 25, defaultSeconds: 20);
        var total = rooms * options.Participants;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds((2 * options.Seconds) + 300 + (total / 5)));
        var ct = cancellation.Token;
        Room.PrepareClient();
        var clock = Stopwatch.StartNew();
        ServerInstance? server = null;
        var open = new List<Room>();
        Room? warmUp = null;
        try
        {
            Uri url;
            if (options.Url is null)
            {
                server = await ServerInstance.StartAsync(options.Build, ct, options.DatabaseFolder);
                url = server.Url;
                Console.WriteLine($"server: own instance, Release build, {url} (pid {server.ProcessId}), temporary SQLite database {server.DatabasePath}");
            }
            else
            {
                url = options.Url;
                Console.WriteLine($"server: {url} (given)");
            }

            int? pid = server?.ProcessId ?? options.Pid;
            long? Rss() => pid is { } p ? ServerInstance.ReadRssKb(p) : null;
            Console.WriteLine($"load average at start: {LoadAverage()} ({Environment.ProcessorCount} cores; generator and server share them)");
            var runTag = $"rw-rooms-{Guid.NewGuid():N}"[..17];

            // Warm-up, as `load` does: a small workshop first, so the run measures a server that has had a workshop
            // rather than the runtime's first minute (run cold, the JIT's tier-up was a sixth of the server's CPU in
            // the middle of the rooms' answers: perf, 2026-12-07).
            var warmUpStarted = Stopwatch.GetTimestamp();
            warmUp = await LoadCommand.WarmUpAsync(url, runTag + "w", ct);
            Console.WriteLine($"warm-up: {warmUp.Phones.Count(p => p.Joined)} phones joined another session and answered both its steps in {F(Stopwatch.GetElapsedTime(warmUpStarted).TotalSeconds)} s; they stay connected");
            if (pid is { } serverPid)
            {
                await LoadCommand.WaitForCompiledCodeAsync(serverPid, ct);
            }

            var opening = Stopwatch.GetTimestamp();
            for (var r = 0; r < rooms; r++)
            {
                open.Add(await Room.OpenAsync(url, runTag, ct));
            }

            Console.WriteLine($"{rooms} facilitators signed up and opened a session each in {F(Stopwatch.GetElapsedTime(opening).TotalSeconds)} s; each watches with a control page and a projector");
            await Task.Delay(2000, ct);
            var before = Rss();
            var joining = Stopwatch.GetTimestamp();
            foreach (var room in open)
            {
                await room.JoinAsync(options.Participants, ct);
            }

            var connected = open.Sum(r => r.Phones.Count(p => p.Connected));
            await Task.Delay(2000, ct);
            var with = Rss();
            Console.WriteLine($"participants joined={open.Sum(r => r.Phones.Count(p => p.Joined))} connected={connected} of {total} in {F(Stopwatch.GetElapsedTime(joining).TotalSeconds)} s; join {Spread([.. open.SelectMany(r => r.JoinMs)])}");

            // Each room starts a little after the one before, so steps change at different moments all through the run.
            var stagger = TimeSpan.FromSeconds(options.Seconds / (double)rooms);
            var steps = new ConcurrentBag<double>();
            var submissions = new ConcurrentBag<(Room Room, Submission Submission, bool Burst)>();
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(open.Select(async (room, index) =>
            {
                await Task.Delay(stagger * index, ct);
                var phones = room.Phones.Where(p => p.Joined).ToList();
                var pressed = await room.Facilitator.StartAsync(ct);
                foreach (var ms in await room.LoadFormsAsync(0, ct, pressed))
                {
                    steps.Add(ms);
                }

                await Task.WhenAll(phones.Select(async phone =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.Seconds * 1000), ct);
                    var submission = phone.NewSubmission(0, runTag);
                    submissions.Add((room, submission, false));
                    await phone.SubmitAsync(submission, RetryDelay, GiveUpAfter, null, ct);
                }));

                pressed = await room.Facilitator.NextAsync(ct);
                foreach (var ms in await room.LoadFormsAsync(1, ct, pressed))
                {
                    steps.Add(ms);
                }

                var burst = phones.Select(phone => (Phone: phone, Submission: phone.NewSubmission(1, runTag))).ToList();
                foreach (var (_, submission) in burst)
                {
                    submissions.Add((room, submission, true));
                }

                await Task.WhenAll(burst.Select(b => b.Phone.SubmitAsync(b.Submission, RetryDelay, GiveUpAfter, null, ct)));
            }));
            var runSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            // The control pages and projectors are still re-reading themselves; let them finish.
            var waiting = Stopwatch.StartNew();
            while (open.Any(r => r.Facilitator.Pages.Any(p => p.InFlight > 0)) && waiting.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, ct);
            }

            var all = submissions.ToList();
            var saved = all.Where(s => s.Submission.Outcome == SubmitOutcome.Saved).ToList();
            var shown = new List<double>();
            var bounded = new List<double>();
            var unseen = 0;
            var lost = 0;
            var stored = 0;
            foreach (var room in open)
            {
                var roomSaved = saved.Where(s => s.Room == room).Select(s => s.Submission).ToList();
                var (latencies, uncovered) = Shown(roomSaved, room.Facilitator.Pages[0].ReadsWithMarkers);
                shown.AddRange(latencies);
                unseen += uncovered;
                bounded.AddRange(Visible(roomSaved, room.Facilitator.Pages[0].Reads).Latencies);
                var rows = server is not null
                    ? StoredAnswers.FromDatabase(server.DatabasePath, room.Code, runTag)
                    : StoredAnswers.FromCsv(await room.Facilitator.CsvAsync(ct), runTag);
                stored += rows.Rows;
                lost += roomSaved.Count(s => rows.Count(s.Marker) == 0);
            }

            var submitMs = saved.Select(s => s.Submission.LatencyMs).ToList();
            var burstMs = saved.Where(s => s.Burst).Select(s => s.Submission.LatencyMs).ToList();
            var errors = open.SelectMany(r => r.Errors).GroupBy(e => e.Key).Select(g => $"{g.Key} ×{g.Sum(e => e.Value)}").ToList();
            var failed = all.Count - saved.Count;
            var perPhone = before is { } b && with is { } w && connected > 0 ? (w - b) / (double)connected : double.NaN;

            Console.WriteLine();
            Console.WriteLine($"{rooms} rooms ran in {F(runSeconds)} s, starting {F(stagger.TotalSeconds, "0.00")} s apart");
            Console.WriteLine($"submit latency:  {Spread(submitMs)}; of the bursts alone {Spread(burstMs)}");
            Console.WriteLine($"shown on the control page, from the phone's POST to the end of the first read that held it: {Spread(shown)}{(unseen > 0 ? $"; {unseen} not seen on it (sent just before the facilitator pressed Next: the page's next read showed the new step; they are stored and counted)" : "")}");
            Console.WriteLine($"  (bounded from the reply instead, the first read begun after the phone heard \"saved\": {Spread(bounded)}; an answer whose reply came after a read had already shown it waits for the room's next answer there)");
            var controlReads = open.SelectMany(r => r.Facilitator.Pages[0].Reads).Select(r => Stopwatch.GetElapsedTime(r.Start, r.End).TotalMilliseconds).ToList();
            var projectorReads = open.SelectMany(r => r.Facilitator.Pages.Skip(1).SelectMany(p => p.Reads)).Select(r => Stopwatch.GetElapsedTime(r.Start, r.End).TotalMilliseconds).ToList();
            Console.WriteLine($"  the {rooms} control pages re-read {controlReads.Count} times, each read {Spread(controlReads)}; the projectors {projectorReads.Count} times, each {Spread(projectorReads)}");
            Console.WriteLine($"step change, from the facilitator's press to the phone showing the step: {Spread([.. steps])}");
            Console.WriteLine($"errors: {(errors.Count == 0 ? "none" : string.Join("; ", errors))}");
            Console.WriteLine($"server memory (VmRSS): before the phones={(before is { } b1 ? $"{b1 / 1024.0:0.0} MiB" : "n/a")} with {connected} connected={(with is { } w1 ? $"{w1 / 1024.0:0.0} MiB" : "n/a")}; {F(perPhone)} KB a phone");
            Console.WriteLine($"load average at end: {LoadAverage()}; run took {F(clock.Elapsed.TotalSeconds)} s");
            Console.WriteLine($"rooms={rooms} participants={connected} acknowledged={saved.Count} stored={stored} lost={lost} submit_p99_ms={F(Percentile(submitMs, 99), "0")} shown_p99_ms={F(Percentile(shown, 99), "0")} step_p99_ms={F(Percentile([.. steps], 99), "0")} kb_per_participant={F(perPhone, "0")}");
            return lost > 0 || failed > 0 || connected < total ? 1 : 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ServerInstance.Failed("rooms", ex, server);
        }
        finally
        {
            foreach (var room in open)
            {
                await room.DisposeAsync();
            }

            if (warmUp is not null)
            {
                await warmUp.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
