using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Infrastructure;

/// <summary>
/// The SQLite write queue commits what was queued together, tells each caller only after the commit, and a
/// write that fails takes nothing else down with it. Rows are Data Protection keys: a table with no links.
/// </summary>
public sealed class WriteQueueTests : IDisposable
{
    private readonly WorkshopFactory _app = new();

    [Fact]
    public async Task Writes_queued_while_one_commits_are_committed_together_and_each_caller_hears_only_after_its_commit()
    {
        await _app.NewVisitor().GetAsync("/healthz");
        var queue = _app.Services.GetRequiredService<WriteQueue>();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The first write holds the writer until the others are queued behind it.
        var started = new TaskCompletionSource();
        var hold = new TaskCompletionSource();
        var first = queue.RunAsync(db, async (writer, ct) =>
        {
            started.SetResult();
            await hold.Task;
            await AddAsync(writer, "first", ct);
        }, CancellationToken.None);
        await started.Task;
        var rest = Enumerable.Range(0, 50).Select(i => queue.RunAsync(db, (writer, ct) => AddAsync(writer, $"rest {i}", ct), CancellationToken.None)).ToList();
        await Task.Delay(100);
        Assert.All(rest, write => Assert.False(write.IsCompleted));

        hold.SetResult();
        await first;
        await Task.WhenAll(rest);

        Assert.Equal(51, await CountAsync());
        Assert.Equal(50, queue.LargestBatch);
    }

    [Fact]
    public async Task The_writer_and_the_requests_let_sqlite_wait_for_the_write_lock_instead_of_sleeping_150_ms()
    {
        await _app.NewVisitor().GetAsync("/healthz");
        var queue = _app.Services.GetRequiredService<WriteQueue>();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        long onWriter = 0;
        await queue.RunAsync(db, async (writer, ct) => onWriter = await BusyTimeoutAsync(writer, ct), CancellationToken.None);
        await db.Database.OpenConnectionAsync();
        var onRequest = await BusyTimeoutAsync(db, CancellationToken.None);
        await db.Database.CloseConnectionAsync();

        Assert.Equal(SqliteBusyTimeout.Milliseconds, onWriter);
        Assert.Equal(SqliteBusyTimeout.Milliseconds, onRequest);
    }

    private static async Task<long> BusyTimeoutAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [Fact]
    public async Task A_write_that_fails_is_rolled_back_alone_and_its_caller_gets_the_exception()
    {
        await _app.NewVisitor().GetAsync("/healthz");
        var queue = _app.Services.GetRequiredService<WriteQueue>();
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hold = new TaskCompletionSource();

        var first = queue.RunAsync(db, async (writer, ct) =>
        {
            await hold.Task;
            await AddAsync(writer, "before", ct);
        }, CancellationToken.None);
        var failing = queue.RunAsync(db, async (writer, ct) =>
        {
            await AddAsync(writer, "half done", ct);
            throw new InvalidOperationException("the domain said no");
        }, CancellationToken.None);
        var after = queue.RunAsync(db, (writer, ct) => AddAsync(writer, "after", ct), CancellationToken.None);
        hold.SetResult();

        await first;
        await after;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("the domain said no", refused.Message);
        Assert.Equal(["after", "before"], await NamesAsync());
    }

    public void Dispose() => _app.Dispose();

    private static Task AddAsync(AppDbContext writer, string name, CancellationToken cancellationToken)
    {
        writer.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "test: " + name, Xml = "<key/>" });
        return writer.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> CountAsync() => (await NamesAsync()).Count;

    private async Task<List<string>> NamesAsync()
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataProtectionKeys.AsNoTracking()
            .Where(k => k.FriendlyName!.StartsWith("test: "))
            .Select(k => k.FriendlyName!.Substring(6))
            .OrderBy(n => n)
            .ToListAsync();
    }
}
