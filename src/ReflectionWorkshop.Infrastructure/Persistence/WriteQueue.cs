using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Infrastructure.Diagnostics;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// The hot-path writes (answers, joins). SQLite takes one writer at a time and each commit waits for the disk,
/// so on SQLite they are queued in-process and one writer commits everything queued so far in one
/// transaction: a burst of 1,000 answers costs a few commits instead of 1,000 colliding ones
/// (docs/benchmarks.md). A caller's task completes only after the transaction holding its write has
/// committed, so "saved" still means on disk; a write that fails is rolled back to its own savepoint and
/// fails alone, and a batch whose commit fails fails every caller in it (each phone resends with its key).
/// With PostgreSQL the write runs at once on the request's own context.
/// </summary>
public sealed class WriteQueue : IAsyncDisposable
{
    /// <summary>At most this many writes share a transaction, so one commit's wait stays short.</summary>
    private const int MaxBatch = 500;

    private readonly Channel<Write>? _queue;
    private readonly SqliteConnection? _connection;
    private readonly DbContextOptions<AppDbContext>? _options;
    private readonly Task _writer = Task.CompletedTask;

    private WriteQueue()
    {
    }

    private WriteQueue(string sqliteConnectionString)
    {
        _connection = new SqliteConnection(sqliteConnectionString);
        _options = new DbContextOptionsBuilder<AppDbContext>().UseWorkshopSqlite(_connection).Options;
        _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>Writes run straight away on the caller's context (PostgreSQL, which takes concurrent writers).</summary>
    public static WriteQueue Direct() => new();

    /// <summary>Writes are queued and committed in batches on one connection of its own.</summary>
    public static WriteQueue ForSqlite(string connectionString) => new(connectionString);

    /// <summary>Most writes committed in one transaction so far; for the benchmark's figures.</summary>
    public int LargestBatch { get; private set; }

    /// <summary>
    /// Runs <paramref name="write"/> against a context (the request's own, or the writer's inside its
    /// transaction) and completes once it is committed. The write must do all its work on the context it is
    /// given, and may call SaveChanges more than once.
    /// </summary>
    public async Task RunAsync(AppDbContext requestDb, Func<AppDbContext, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (_queue is null)
        {
            await write(requestDb, cancellationToken);
            return;
        }

        var queued = new Write(write);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(WriteQueue), "The app is stopping; the write was not queued.");
        }

        WorkshopMetrics.WriteQueueDepth.Add(1);

        // Once queued the write goes ahead even if the phone gives up waiting: its resend (same key) finds it.
        await queued.Committed.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _queue!.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            LargestBatch = Math.Max(LargestBatch, batch.Count);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await CommitAsync(batch);
            WorkshopMetrics.WriteQueueCommit.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            WorkshopMetrics.WriteQueueDepth.Add(-batch.Count);
        }
    }

    private async Task CommitAsync(List<Write> batch)
    {
        var written = new List<Write>(batch.Count);
        try
        {
            await using var db = new AppDbContext(_options!);
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var write in batch)
            {
                db.ChangeTracker.Clear();
                await transaction.CreateSavepointAsync("write");
                try
                {
                    await write.Run(db, CancellationToken.None);
                    await transaction.ReleaseSavepointAsync("write");
                    written.Add(write);
                }
                catch (Exception ex)
                {
                    await transaction.RollbackToSavepointAsync("write");
                    write.Committed.TrySetException(ex);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex)
        {
            // Not committed (or not known to be): nobody is told "saved"; a resend with the same key is safe.
            foreach (var write in batch)
            {
                write.Committed.TrySetException(ex);
            }

            return;
        }

        foreach (var write in written)
        {
            write.Committed.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue is null)
        {
            return;
        }

        // Let what is queued be committed, then close the writer's connection.
        _queue.Writer.TryComplete();
        await _writer;
        await _connection!.DisposeAsync();
    }

    private sealed class Write(Func<AppDbContext, CancellationToken, Task> run)
    {
        public Func<AppDbContext, CancellationToken, Task> Run { get; } = run;

        /// <summary>
        /// Completed on the writer, and the caller's continuation (its reply, its broadcast) runs right there, before
        /// the next batch: queued on the thread pool instead, every reply in a burst waited behind the requests still
        /// arriving, and they all went out together at the end.
        /// </summary>
        public TaskCompletionSource Committed { get; } = new();
    }
}
