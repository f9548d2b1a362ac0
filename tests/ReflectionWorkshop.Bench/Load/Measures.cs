using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>Percentiles and number formatting for the printed figures.</summary>
public static class Measures
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Ms(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Spread(IReadOnlyList<double> values) =>
        $"p50={Ms(Percentile(values, 50))} p95={Ms(Percentile(values, 95))} p99={Ms(Percentile(values, 99))} max={Ms(values.Count == 0 ? double.NaN : values.Max())} ms (n={values.Count})";

    public static string F(double value, string format = "0.0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// Submit-to-facilitator latency. The hub's "answers" signal names no answer, and each saved answer sends
    /// exactly one, so the signals (in arrival order) are paired with the saved submissions in the order they
    /// were sent: the k-th signal with the k-th submission.
    /// </summary>
    public static List<double> Fanout(IEnumerable<Submission> saved, IReadOnlyList<long> signals)
    {
        var sends = saved.Select(s => s.SentAt).Order().ToList();
        var arrivals = signals.Order().ToList();
        var pairs = Math.Min(sends.Count, arrivals.Count);
        var result = new List<double>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            result.Add(System.Diagnostics.Stopwatch.GetElapsedTime(sends[i], arrivals[i]).TotalMilliseconds);
        }

        return result;
    }

    /// <summary>
    /// From each answer's POST to the end of the first read of the page that holds it (its marker is in the page):
    /// exact, where <see cref="Visible"/> can only bound it. For a page that lists every answer (the control page);
    /// a page that shows only some (the projector) is measured with <see cref="Visible"/>.
    /// </summary>
    public static (List<double> Latencies, int Uncovered) Shown(IEnumerable<Submission> saved, IReadOnlyList<(long Start, long End, IReadOnlySet<string> Markers)> reads)
    {
        var byStart = reads.OrderBy(r => r.Start).ToList();
        var result = new List<double>();
        var uncovered = 0;
        foreach (var submission in saved)
        {
            var first = byStart.FirstOrDefault(r => r.Start >= submission.SentAt && r.Markers.Contains(submission.Marker));
            if (first.Markers is not null)
            {
                result.Add(System.Diagnostics.Stopwatch.GetElapsedTime(submission.SentAt, first.End).TotalMilliseconds);
            }
            else
            {
                uncovered++;
            }
        }

        return (result, uncovered);
    }

    /// <summary>
    /// For each saved answer, how long after its POST began a read of the page finished that had begun after the
    /// server replied to that POST (so the page read the database with the answer in it); answers no later read covered
    /// are left out and counted.
    /// </summary>
    public static (List<double> Latencies, int Uncovered) Visible(IEnumerable<Submission> saved, IReadOnlyList<(long Start, long End)> reads)
    {
        var byStart = reads.OrderBy(r => r.Start).ToList();
        var result = new List<double>();
        var uncovered = 0;
        foreach (var submission in saved)
        {
            var firstEnd = byStart.Where(r => r.Start >= submission.SavedAt).Select(r => (long?)r.End).Min();
            if (firstEnd is { } end)
            {
                result.Add(System.Diagnostics.Stopwatch.GetElapsedTime(submission.SentAt, end).TotalMilliseconds);
            }
            else
            {
                uncovered++;
            }
        }

        return (result, uncovered);
    }

    /// <summary>CPU time (user + system) a process has used, from /proc/{pid}/stat, in seconds; NaN when unknown.</summary>
    public static double CpuSeconds(int? pid)
    {
        if (pid is null)
        {
            return double.NaN;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>
    /// How fast this disk commits SQLite transactions one by one, as the app's answer path does (one
    /// SaveChanges = one transaction): a scratch database in <paramref name="folder"/>, WAL, default synchronous.
    /// </summary>
    public static (double CommitsPerSecond, string Synchronous) SqliteCommitProbe(string folder, int commits = 300)
    {
        var path = Path.Combine(folder, $"probe-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL);";
                setup.ExecuteNonQuery();
            }

            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous";
            var synchronous = Convert.ToInt32(pragma.ExecuteScalar(), CultureInfo.InvariantCulture) switch
            {
                0 => "OFF",
                1 => "NORMAL",
                2 => "FULL",
                3 => "EXTRA",
                var other => other.ToString(CultureInfo.InvariantCulture),
            };
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            for (var i = 0; i < commits; i++)
            {
                using var transaction = connection.BeginTransaction();
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO t (text) VALUES ($text)";
                insert.Parameters.AddWithValue("$text", "an answer of about the usual length, a sentence or two");
                insert.ExecuteNonQuery();
                transaction.Commit();
            }

            return (commits / System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, synchronous);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// The same commits from <paramref name="writers"/> connections at once (as concurrent requests, each with its
    /// own DbContext and connection, do): SQLite lets one writer in at a time and Microsoft.Data.Sqlite retries a
    /// busy writer after a pause. Returns commits per second and the slowest commit in ms.
    /// </summary>
    public static (double CommitsPerSecond, double SlowestMs) SqliteContendedProbe(string folder, int writers = 64, int commitsEach = 5)
    {
        var path = Path.Combine(folder, $"probe-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        try
        {
            using (var setup = new SqliteConnection(connectionString))
            {
                setup.Open();
                using var command = setup.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL);";
                command.ExecuteNonQuery();
            }

            var slowest = 0.0;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var threads = Enumerable.Range(0, writers).Select(_ => new Thread(() =>
            {
                using var connection = new SqliteConnection(connectionString);
                connection.Open();
                for (var i = 0; i < commitsEach; i++)
                {
                    var one = System.Diagnostics.Stopwatch.GetTimestamp();
                    using var transaction = connection.BeginTransaction();
                    using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO t (text) VALUES ($text); INSERT INTO t (text) VALUES ($text);";
                    insert.Parameters.AddWithValue("$text", "an answer of about the usual length, a sentence or two");
                    insert.ExecuteNonQuery();
                    transaction.Commit();
                    var ms = System.Diagnostics.Stopwatch.GetElapsedTime(one).TotalMilliseconds;
                    lock (connectionString)
                    {
                        slowest = Math.Max(slowest, ms);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            return (writers * commitsEach / System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, slowest);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The load average from /proc/loadavg (what `uptime` prints), to read figures against.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}

/// <summary>What the database holds for a session: response rows and how often each marker appears.</summary>
public sealed record StoredAnswers(int Rows, IReadOnlyDictionary<string, int> Markers)
{
    public int Count(string marker) => Markers.GetValueOrDefault(marker);

    /// <summary>Reads the SQLite file directly (the server may be running: WAL lets a reader in; or dead after a kill).</summary>
    public static StoredAnswers FromDatabase(string path, string joinCode, string runTag)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT COUNT(*) FROM Responses r JOIN Sessions s ON s.Id = r.SessionId WHERE s.JoinCode = $code";
        rows.Parameters.AddWithValue("$code", joinCode);
        var count = Convert.ToInt32(rows.ExecuteScalar(), CultureInfo.InvariantCulture);

        using var items = connection.CreateCommand();
        items.CommandText = """
            SELECT i.Text FROM ResponseItems i
            JOIN Responses r ON r.Id = i.ResponseId
            JOIN Sessions s ON s.Id = r.SessionId
            WHERE s.JoinCode = $code AND i.Text LIKE $tag
            """;
        items.Parameters.AddWithValue("$code", joinCode);
        items.Parameters.AddWithValue("$tag", $"[{runTag} %");
        var markers = new Dictionary<string, int>();
        using var reader = items.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.GetString(0);
            var marker = text[..(text.IndexOf(']', StringComparison.Ordinal) + 1)];
            markers[marker] = markers.GetValueOrDefault(marker) + 1;
        }

        return new StoredAnswers(count, markers);
    }

    /// <summary>Counts the markers in the facilitator's CSV export (one row per answer item), for a server given by --url.</summary>
    public static StoredAnswers FromCsv(string csv, string runTag)
    {
        var markers = new Dictionary<string, int>();
        var start = 0;
        var open = $"[{runTag} ";
        while ((start = csv.IndexOf(open, start, StringComparison.Ordinal)) >= 0)
        {
            var end = csv.IndexOf(']', start);
            var marker = csv[start..(end + 1)];
            markers[marker] = markers.GetValueOrDefault(marker) + 1;
            start = end;
        }

        return new StoredAnswers(markers.Values.Sum(), markers);
    }
}
