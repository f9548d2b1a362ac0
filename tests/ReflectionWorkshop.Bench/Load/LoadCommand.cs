using System.Collections.Concurrent;
using System.Diagnostics;
using static ReflectionWorkshop.Bench.Load.Measures;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// `load`: a real workshop over loopback. A facilitator signs up, opens a session of two-team-compare and
/// watches it live; N phones join through the forms, follow it over SignalR and answer step 1 spread over
/// --seconds, then step 2 all at the same moment (the burst: everyone taps Submit when the timer ends).
/// Prints latencies, throughput, memory, and answers acknowledged against answers stored.
/// </summary>
public static class LoadCommand
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private const int WarmUpPhones = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RoomOptions.Parse(args, defaultParticipants: 100, defaultSeconds: 10);
        // The framework's own cost a phone, measured first, before the app's instance starts, on the same machine
        // (bounded on its own: building the floor's two small apps must not eat the run's time).
        var floor = RoomOptions.NoFloor ? null : await Floor.MeasureAsync(options.Participants, CancellationToken.None);
        var bound = TimeSpan.FromSeconds(options.Seconds + 300 + (options.Participants / 10));
        using var cancellation = new CancellationTokenSource(bound);
        var ct = cancellation.Token;
        Room.PrepareClient();
        var clock = Stopwatch.StartNew();
        ServerInstance? server = null;
        Room? room = null;
        Room? warmUp = null;
        try
        {
            Uri url;
            if (options.Url is null)
            {
                server = await ServerInstance.StartAsync(options.Build, ct, options.DatabaseFolder);
                url = server.Url;
                Console.WriteLine($"server: own instance, Release build, {url} (pid {server.ProcessId}), temporary SQLite database {server.DatabasePath}");
                Console.WriteLine($"server settings: {string.Join(' ', ServerInstance.Settings.Select(s => $"{s.Key}={s.Value}"))} (every phone is 127.0.0.1, so the per-address join limit is lifted; the per-phone answer limit is as shipped)");
            }
            else
            {
                url = options.Url;
                Console.WriteLine($"server: {url} (given; its rate limits apply as configured there)");
            }

            int? pid = server?.ProcessId ?? options.Pid;
            long? Rss() => pid is { } p ? ServerInstance.ReadRssKb(p) : null;
            ServerMemory Memory() => new(Rss(), pid is { } p ? ServerInstance.ReadStatusKb(p, "RssAnon") : null);
            Console.WriteLine($"load average at start: {LoadAverage()} ({Environment.ProcessorCount} cores; generator and server share them)");

            var runTag = $"rw-load-{Guid.NewGuid():N}"[..16];
            // Warm-up: a small workshop first, so the server's one-time costs (the JIT's tier-up of the hot paths,
            // caches, pools) are in the "before" figure and the per-participant cost is what a phone adds.
            var warmUpStarted = Stopwatch.GetTimestamp();
            warmUp = await WarmUpAsync(url, runTag + "w", ct);
            Console.WriteLine($"warm-up: {warmUp.Phones.Count(p => p.Joined)} phones joined another session and answered both its steps in {F(Stopwatch.GetElapsedTime(warmUpStarted).TotalSeconds)} s; they stay connected");
            room = await Room.OpenAsync(url, runTag, ct);
            Console.WriteLine($"session {room.Code} of {Room.Activity} opened; the facilitator's page watches it");
            if (pid is { } serverPid)
            {
                await WaitForCompiledCodeAsync(serverPid, ct);
            }

            await Task.Delay(2000, ct);
            var before = Memory();

            // The room fills in two halves with a pause between them, so that what one more phone costs can be read
            // from the second half alone, apart from what the server takes once when a room first fills.
            var firstHalf = options.Participants / 2;
            var joinStarted = Stopwatch.GetTimestamp();
            await room.JoinAsync(firstHalf, ct);
            var joinSeconds = Stopwatch.GetElapsedTime(joinStarted).TotalSeconds;
            await Task.Delay(2000, ct);
            var half = Memory();
            var connectedHalf = room.Phones.Count(p => p.Connected);
            joinStarted = Stopwatch.GetTimestamp();
            await room.JoinAsync(options.Participants - firstHalf, ct);
            joinSeconds += Stopwatch.GetElapsedTime(joinStarted).TotalSeconds;
            var joined = room.Phones.Count(p => p.Joined);
            var connected = room.Phones.Count(p => p.Connected);
            await Task.Delay(2000, ct);
            var with = Memory();
            Console.WriteLine($"participants joined={joined} connected={connected} of {options.Participants} in {F(joinSeconds)} s; join (GET /j, POST form, GET /s) {Spread([.. room.JoinMs])}");

            var submissions = new ConcurrentBag<Submission>();
            var phones = room.Phones.Where(p => p.Joined).ToList();

            // Step 1, spread: each phone answers at a random moment within --seconds.
            var pressed = await room.Facilitator.StartAsync(ct);
            var pages1 = await room.LoadFormsAsync(0, ct, pressed);
            Console.WriteLine($"step 1 shown: from the facilitator's press to the answer form on the phone {Spread(pages1)}; {phones.Count(p => p.ShownFromSignal(0))} of {phones.Count} from the signal's view, the rest read their page");
            var steadyStarted = Stopwatch.GetTimestamp();
            await Task.WhenAll(phones.Select(async phone =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.Seconds * 1000), ct);
                var submission = phone.NewSubmission(0, runTag);
                submissions.Add(submission);
                await phone.SubmitAsync(submission, RetryDelay, GiveUpAfter, null, ct);
            }));
            var steadySeconds = Stopwatch.GetElapsedTime(steadyStarted).TotalSeconds;
            var steady = submissions.ToList();
            Console.WriteLine($"step 1 spread: {steady.Count(s => s.Outcome == SubmitOutcome.Saved)} saved in {F(steadySeconds)} s = {F(steady.Count(s => s.Outcome == SubmitOutcome.Saved) / steadySeconds)} submissions/s; submit {Spread(Latencies(steady))}");

            // Step 2, the burst: every phone has its form loaded and taps Submit at the same moment.
            var pagesCpuBefore = CpuSeconds(pid);
            var pagesGeneratorBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            pressed = await room.Facilitator.NextAsync(ct);
            var pages2 = await room.LoadFormsAsync(1, ct, pressed);
            var pagesCpu = CpuSeconds(pid) - pagesCpuBefore;
            var pagesGenerator = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - pagesGeneratorBefore;
            Console.WriteLine($"step 2 shown: from the facilitator's press to the answer form on the phone {Spread(pages2)}; {phones.Count(p => p.ShownFromSignal(1))} of {phones.Count} from the signal's view; server CPU {F(pagesCpu, "0.00")} s, {F(1000 * pagesCpu / Math.Max(1, pages2.Count), "0.00")} ms a phone; generator CPU {F(pagesGenerator, "0.00")} s");
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = phones.Select(phone => phone.NewSubmission(1, runTag)).ToList();
            var burstTasks = phones.Zip(burst).Select(async pair =>
            {
                await go.Task;
                await pair.First.SubmitAsync(pair.Second, RetryDelay, GiveUpAfter, null, ct);
            }).ToList();
            await Task.Delay(500, ct);
            var serverCpuBefore = CpuSeconds(pid);
            var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            var burstStarted = Stopwatch.GetTimestamp();
            go.SetResult();
            await Task.WhenAll(burstTasks);
            var burstWall = Stopwatch.GetElapsedTime(burstStarted).TotalSeconds;
            var serverCpu = CpuSeconds(pid) - serverCpuBefore;
            var generatorCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - generatorCpuBefore;
            var rssBurst = Rss();
            var burstSaved = burst.Where(s => s.Outcome == SubmitOutcome.Saved).ToList();
            var burstSeconds = burstSaved.Count == 0 ? double.NaN : Stopwatch.GetElapsedTime(burstStarted, burstSaved.Max(s => s.AckAt)).TotalSeconds;
            Console.WriteLine($"step 2 burst: {burstSaved.Count} of {burst.Count} answers sent at once, all acknowledged within {F(burstSeconds, "0.00")} s = {F(burstSaved.Count / burstSeconds)} submissions/s; submit {Spread(Latencies(burst))}");
            foreach (var submission in burst)
            {
                submissions.Add(submission);
            }

            var all = submissions.ToList();
            var saved = all.Where(s => s.Outcome == SubmitOutcome.Saved).ToList();

            // The facilitator's page hears one "answers" signal per saved answer; wait for the stragglers.
            var waitSignals = Stopwatch.StartNew();
            while (room.Facilitator.AnswerSignals.Count < saved.Count && waitSignals.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100, ct);
            }

            // The laptop's and the projector's pages are still re-reading themselves; let them finish.
            var waitPages = Stopwatch.StartNew();
            while (room.Facilitator.Pages.Any(p => p.InFlight > 0) && waitPages.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, ct);
            }

            var signals = room.Facilitator.AnswerSignals;
            var fanout = Fanout(saved, signals);
            // Step 1's answers were all acknowledged before the burst began, so its signals came first.
            var steadySaved = steady.Where(s => s.Outcome == SubmitOutcome.Saved).ToList();
            var steadyFanout = Fanout(steadySaved, [.. signals.Where(t => t < burstStarted)]);
            var burstFanout = Fanout(burstSaved, [.. signals.Where(t => t >= burstStarted)]);
            if (signals.Count < saved.Count)
            {
                room.Error($"facilitator signals missing: {saved.Count - signals.Count}");
            }

            var stored = server is not null
                ? StoredAnswers.FromDatabase(server.DatabasePath, room.Code, runTag)
                : StoredAnswers.FromCsv(await room.Facilitator.CsvAsync(ct), runTag);
            var lost = saved.Count(s => stored.Count(s.Marker) == 0);
            var duplicated = stored.Markers.Values.Sum(n => Math.Max(0, n - 1));
            var failed = all.Where(s => s.Outcome != SubmitOutcome.Saved).ToList();
            foreach (var problem in failed.GroupBy(s => $"answer not saved: {s.Outcome} {s.Problem}"))
            {
                room.Errors[problem.Key] = problem.Count();
            }

            var retried = all.Count(s => s.Attempts > 1);
            var submitMs = Latencies(all);
            var perParticipant = ServerMemory.PerPhone(before, with, connected);
            var perExtra = ServerMemory.PerPhone(half, with, connected - connectedHalf);

            Console.WriteLine();
            Console.WriteLine($"participants connected: {connected} of {options.Participants}");
            Console.WriteLine($"submissions/s: spread {F(steady.Count(s => s.Outcome == SubmitOutcome.Saved) / steadySeconds)}, burst {F(burstSaved.Count / burstSeconds)}");
            Console.WriteLine($"join latency:   {Spread([.. room.JoinMs])}");
            Console.WriteLine($"submit latency: {Spread(submitMs)} (POST to the saved-answer redirect; {retried} needed a retry)");
            Console.WriteLine($"burst:          {burstSaved.Count} answers sent at the same moment, the last acknowledged after {F(burstSeconds, "0.00")} s");
            Console.WriteLine($"submit-to-facilitator: {Spread(fanout)} (phone's POST to the facilitator client's \"changed\" signal; {signals.Count} signals for {saved.Count} saved answers, paired in order)");
            Console.WriteLine($"  step 1, answers as people finish: submit {Spread(Latencies(steady))}; to the facilitator {Spread(steadyFanout)}");
            Console.WriteLine($"  step 2, everyone at once:         submit {Spread(Latencies(burst))}; to the facilitator {Spread(burstFanout)}");
            var control = room.Facilitator.Pages[0];
            var shownSteady = Shown(steadySaved, control.ReadsWithMarkers).Latencies;
            var shownBurst = Shown(burstSaved, control.ReadsWithMarkers).Latencies;
            foreach (var page in room.Facilitator.Pages)
            {
                var reads = page.Reads;
                // The control page lists every answer, so it is read for each one's marker; the projector shows only some.
                var (steadyVisible, steadyUncovered) = page == control ? Shown(steadySaved, page.ReadsWithMarkers) : Visible(steadySaved, reads);
                var (burstVisible, burstUncovered) = page == control ? Shown(burstSaved, page.ReadsWithMarkers) : Visible(burstSaved, reads);
                if (page.Failures > 0)
                {
                    room.Error($"the facilitator's {page.Name} failed to re-read itself ×{page.Failures}");
                }

                Console.WriteLine($"facilitator's {page.Name}: re-read {reads.Count} times ({page.Failures} failed, {page.InFlight} still running), each read {Spread([.. reads.Select(r => Stopwatch.GetElapsedTime(r.Start, r.End).TotalMilliseconds)])}");
                Console.WriteLine($"  an answer shown on it, from the phone's POST: step 1 {Spread(steadyVisible)}{(steadyUncovered > 0 ? $", {steadyUncovered} never re-read" : "")}; burst {Spread(burstVisible)}{(burstUncovered > 0 ? $", {burstUncovered} never re-read" : "")}");
            }

            Console.WriteLine($"errors: {(room.Errors.IsEmpty ? "none" : string.Join("; ", room.Errors.Select(e => $"{e.Key} ×{e.Value}")))}");
            Console.WriteLine($"answers acknowledged={saved.Count} stored={stored.Rows} (read from {(server is not null ? "the SQLite file" : "the facilitator's CSV export")}) lost={lost} duplicated={duplicated} not acknowledged={failed.Count}");
            Console.WriteLine($"server memory (VmRSS): before={Kb(before.Rss)} with {connectedHalf} connected={Kb(half.Rss)} with {connected} connected={Kb(with.Rss)} after the burst={Kb(rssBurst)}; per participant {F(perParticipant.Rss)} KB from before, {F(perExtra.Rss)} KB for each of the second half");
            Console.WriteLine($"  of which anonymous (RssAnon: the GC heap and native allocations, not the JIT's code or mapped files): before={Kb(before.Anon)} with {connectedHalf}={Kb(half.Anon)} with {connected}={Kb(with.Anon)}; per participant {F(perParticipant.Anon)} KB from before, {F(perExtra.Anon)} KB for each of the second half");
            Console.WriteLine($"during the burst ({F(burstWall, "0.00")} s): server CPU {F(serverCpu, "0.00")} s ({F(100 * serverCpu / burstWall, "0")}% of one core, {F(1000 * serverCpu / Math.Max(1, burst.Count), "0.00")} ms an answer), generator CPU {F(generatorCpu, "0.00")} s ({F(100 * generatorCpu / burstWall, "0")}%), of {Environment.ProcessorCount} cores");
            if (server is not null)
            {
                var (commits, synchronous) = SqliteCommitProbe(Path.GetDirectoryName(server.DatabasePath)!);
                Console.WriteLine($"sqlite on this disk: {F(commits, "0")} one-row transactions/s, committed one by one (WAL, synchronous={synchronous}), i.e. {F(1000 / commits, "0.00")} ms each; the app's write queue commits everything queued so far in one transaction, so a burst costs a few of these, not one an answer");
                var (contended, slowest) = SqliteContendedProbe(Path.GetDirectoryName(server.DatabasePath)!);
                Console.WriteLine($"sqlite with 64 writers at once (each its own connection, as concurrent requests): {F(contended, "0")} transactions/s, slowest {F(slowest, "0")} ms");
            }

            Console.WriteLine($"load average at end: {LoadAverage()}; run took {F(clock.Elapsed.TotalSeconds)} s");
            // The issue's line: submit and fan-out p99 of the workshop's ordinary flow (step 1: answers arrive as
            // people finish), then the burst's own figures (everyone taps Submit at the same instant).
            Console.WriteLine($"participants={connected} acknowledged={saved.Count} stored={stored.Rows} lost={lost} submit_p99_ms={F(Percentile(Latencies(steady), 99), "0")} fanout_p99_ms={F(Percentile(steadyFanout, 99), "0")} kb_per_participant={F(perParticipant.Rss, "0")} kb_per_extra_participant={F(perExtra.Rss, "0")} anon_kb_per_participant={F(perParticipant.Anon, "0")} anon_kb_per_extra_participant={F(perExtra.Anon, "0")} burst_acknowledged_s={F(burstSeconds, "0.00")} burst_submit_p99_ms={F(Percentile(Latencies(burst), 99), "0")} burst_fanout_p99_ms={F(Percentile(burstFanout, 99), "0")} shown_p99_ms={F(Percentile(shownSteady, 99), "0")} burst_shown_max_ms={F(shownBurst.DefaultIfEmpty(double.NaN).Max(), "0")} step_p99_ms={F(Percentile([.. pages1, .. pages2], 99), "0")} floor_kb_per_phone={F(floor ?? double.NaN, "0.0")} floor_ratio={F(floor is { } f ? perParticipant.Rss / f : double.NaN, "0.00")}");
            return lost > 0 || failed.Count > 0 || duplicated > 0 || joined < options.Participants ? 1 : 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ServerInstance.Failed("load", ex, server);
        }
        finally
        {
            if (room is not null)
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

    /// <summary>A workshop of <see cref="WarmUpPhones"/> phones that join, load both steps and answer them.</summary>
    internal static async Task<Room> WarmUpAsync(Uri url, string runTag, CancellationToken cancellationToken)
    {
        var room = await Room.OpenAsync(url, runTag, cancellationToken);
        await room.JoinAsync(WarmUpPhones, cancellationToken);
        await room.Facilitator.StartAsync(cancellationToken);
        for (var step = 0; step < 2; step++)
        {
            if (step > 0)
            {
                await room.Facilitator.NextAsync(cancellationToken);
            }

            await room.LoadFormsAsync(step, cancellationToken);
            await Task.WhenAll(room.Phones.Where(p => p.Joined).Select(phone =>
                phone.SubmitAsync(phone.NewSubmission(step, runTag), RetryDelay, GiveUpAfter, null, cancellationToken)));
        }

        return room;
    }

    /// <summary>
    /// After the warm-up the JIT goes on promoting hot code in the background; .NET maps that code twice (RssShmem).
    /// Waits (at most 30 s) until it stops growing, so that "before" is a warm server.
    /// </summary>
    internal static async Task WaitForCompiledCodeAsync(int pid, CancellationToken cancellationToken)
    {
        var settled = Stopwatch.StartNew();
        var code = ServerInstance.ReadStatusKb(pid, "RssShmem");
        while (settled.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(2000, cancellationToken);
            var now = ServerInstance.ReadStatusKb(pid, "RssShmem");
            if (now - code < 256)
            {
                break;
            }

            code = now;
        }

        Console.WriteLine($"the server's compiled code stopped growing after {F(settled.Elapsed.TotalSeconds)} s ({Kb(code)})");
    }

    /// <summary>The server's resident memory and its anonymous part (kB), as /proc reads them; null without a pid.</summary>
    private sealed record ServerMemory(long? Rss, long? Anon)
    {
        /// <summary>kB per phone between two readings, for the whole RSS and for the anonymous part.</summary>
        public static (double Rss, double Anon) PerPhone(ServerMemory from, ServerMemory to, int phones) =>
            (Per(from.Rss, to.Rss, phones), Per(from.Anon, to.Anon, phones));

        private static double Per(long? fromKb, long? toKb, int phones) =>
            fromKb is { } a && toKb is { } b && phones > 0 ? (b - a) / (double)phones : double.NaN;
    }

    private static List<double> Latencies(IEnumerable<Submission> submissions) =>
        submissions.Where(s => s.Outcome == SubmitOutcome.Saved).Select(s => s.LatencyMs).ToList();

    private static string Kb(long? kb) => kb is { } value ? $"{value / 1024.0:0.0} MiB" : "n/a (no server pid; pass --pid)";
}
