using System.Diagnostics;
using static ReflectionWorkshop.Bench.Load.Measures;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// `crash`: its own instance, N phones in a session, everyone submits at once, and the server is killed with
/// SIGKILL (kill -9) as soon as a tenth of them were told "saved". The server is started again on the same
/// database and port; phones keep their pending submission and send it again with the same idempotency key
/// (as site.js does), then re-read their page and reconnect to the hub. Every answer a phone was told was
/// saved must be in the database exactly once.
/// </summary>
public static class CrashCommand
{
    /// <summary>The phone script retries every 5 s; the test retries sooner to stay short. The key is what matters.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RoomOptions.Parse(args, defaultParticipants: 200, defaultSeconds: 10);
        if (options.Url is not null)
        {
            Console.Error.WriteLine("crash: starts and kills its own instance; --url is not supported");
            return 2;
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(400 + (options.Participants / 10)));
        var ct = cancellation.Token;
        Room.PrepareClient();
        var clock = Stopwatch.StartNew();
        ServerInstance? server = null;
        Room? room = null;
        try
        {
            server = await ServerInstance.StartAsync(options.Build, ct, options.DatabaseFolder);
            Console.WriteLine($"server: own instance, Release build, {server.Url} (pid {server.ProcessId}), SQLite database {server.DatabasePath}");
            Console.WriteLine($"server settings: {string.Join(' ', ServerInstance.Settings.Select(s => $"{s.Key}={s.Value}"))}");
            Console.WriteLine($"load average at start: {LoadAverage()}");
            var runTag = $"rw-crash-{Guid.NewGuid():N}"[..17];
            room = await Room.OpenAsync(server.Url, runTag, ct);
            await room.JoinAsync(options.Participants, ct);
            var phones = room.Phones.Where(p => p.Joined).ToList();
            Console.WriteLine($"session {room.Code}: {phones.Count} phones joined, {room.Phones.Count(p => p.Connected)} connected to the hub");
            await room.Facilitator.StartAsync(ct);
            await room.LoadFormsAsync(0, ct);

            // The burst, with the kill in the middle of it: the phone whose "saved" makes a tenth pulls the plug
            // (replies come out in clumps, so more may have heard "saved" by the time the signal is sent).
            var killAfter = Math.Max(1, phones.Count / 10);
            var acknowledged = 0;
            long killedAt = 0;
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var serverToKill = server;
            void OnSaved(Submission _)
            {
                if (Interlocked.Increment(ref acknowledged) == killAfter)
                {
                    Interlocked.Exchange(ref killedAt, serverToKill.KillNow());
                    killed.TrySetResult();
                }
            }

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = phones.Select(phone => phone.NewSubmission(0, runTag)).ToList();
            var tasks = phones.Zip(burst).Select(async pair =>
            {
                await go.Task;
                await pair.First.SubmitAsync(pair.Second, RetryDelay, GiveUpAfter, OnSaved, ct);
            }).ToList();
            await Task.Delay(500, ct);
            var burstStarted = Stopwatch.GetTimestamp();
            go.SetResult();

            await killed.Task.WaitAsync(TimeSpan.FromSeconds(120), ct);
            var killMs = Stopwatch.GetElapsedTime(burstStarted, Interlocked.Read(ref killedAt)).TotalMilliseconds;
            var toldBeforeKill = burst.Count(s => s.Outcome == SubmitOutcome.Saved && s.AckAt <= Interlocked.Read(ref killedAt));
            var storedAtKill = StoredAnswers.FromDatabase(server.DatabasePath, room.Code, runTag);
            Console.WriteLine($"kill -9 after {F(killMs, "0")} ms of the burst: {toldBeforeKill} phones had been told \"saved\", the database held {storedAtKill.Rows} answers (the difference was saved but its reply lost)");

            await Task.Delay(1000, ct);
            var restartStarted = Stopwatch.GetTimestamp();
            await server.LaunchAsync(ct);
            Console.WriteLine($"restarted on the same database and port in {F(Stopwatch.GetElapsedTime(restartStarted).TotalSeconds, "0.0")} s (pid {server.ProcessId}); phones resend their pending answers with the same keys");
            await Task.WhenAll(tasks);

            var saved = burst.Where(s => s.Outcome == SubmitOutcome.Saved).ToList();
            var failed = burst.Where(s => s.Outcome != SubmitOutcome.Saved).ToList();
            var retried = burst.Count(s => s.Attempts > 1);

            // The phones resume: reconnect to the hub, follow the session, and find their answer on their page.
            var resumed = 0;
            await Parallel.ForEachAsync(phones.Zip(burst), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (pair, token) =>
            {
                try
                {
                    await pair.First.ConnectAsync(token);
                    var page = await pair.First.Browser.GetAsync($"/s/{room.Code}", token);
                    if (page.Document.Body?.TextContent.Contains(pair.Second.Marker, StringComparison.Ordinal) == true)
                    {
                        Interlocked.Increment(ref resumed);
                    }
                    else
                    {
                        room.Error("a phone's page does not show its saved answer after the restart");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or IOException)
                {
                    room.Error($"resume: {Room.Describe(ex)}");
                }
            });

            var stored = StoredAnswers.FromDatabase(server.DatabasePath, room.Code, runTag);
            var lost = saved.Count(s => stored.Count(s.Marker) == 0);
            var duplicated = stored.Markers.Values.Sum(n => Math.Max(0, n - 1)) + Math.Max(0, stored.Rows - stored.Markers.Count);
            foreach (var problem in failed.GroupBy(s => $"answer never saved: {s.Outcome} {s.Problem}"))
            {
                room.Errors[problem.Key] = problem.Count();
            }

            Console.WriteLine();
            Console.WriteLine($"phones: {phones.Count}; answers sent in the burst: {burst.Count}; resent after the kill: {retried}");
            Console.WriteLine($"acknowledged (told \"saved\"): {saved.Count} ({toldBeforeKill} before the kill, {saved.Count - toldBeforeKill} after it); never acknowledged: {failed.Count}");
            Console.WriteLine($"in the database: {stored.Rows} answers; acknowledged but missing: {lost}; stored more than once: {duplicated}");
            Console.WriteLine($"phones resumed (reconnected, page shows their answer): {resumed} of {phones.Count}");
            Console.WriteLine($"errors: {(room.Errors.IsEmpty ? "none" : string.Join("; ", room.Errors.Select(e => $"{e.Key} ×{e.Value}")))}");
            Console.WriteLine($"load average at end: {LoadAverage()}; run took {F(clock.Elapsed.TotalSeconds)} s");
            Console.WriteLine($"crash acknowledged={saved.Count} stored={stored.Rows} lost={lost} duplicated={duplicated}");
            return lost > 0 || duplicated > 0 || failed.Count > 0 || resumed < phones.Count || phones.Count < options.Participants ? 1 : 0;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ServerInstance.Failed("crash", ex, server);
        }
        finally
        {
            if (room is not null)
            {
                await room.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }
}
