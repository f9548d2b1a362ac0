using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for another connection's write lock (<c>PRAGMA busy_timeout</c>): its own busy handler
/// retries within a few milliseconds. Without it SQLite answers "busy" at once and Microsoft.Data.Sqlite retries the
/// statement after sleeping 150 ms; when a facilitator's step change (written on the request's connection) met the
/// write queue's commit, every answer in the queue, from every room, waited those 150 ms (bench <c>rooms</c>,
/// 2026-12-07: the slowest answers of a run all sat at 150-170 ms, sent at the same moment from several rooms).
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long SQLite waits for the lock before giving up to Microsoft.Data.Sqlite's own retries.</summary>
    public const int Milliseconds = 5000;

    public static SqliteBusyTimeout Instance { get; } = new();

    private static readonly string Pragma = $"PRAGMA busy_timeout = {Milliseconds};";

    /// <summary>The database handles already set: Microsoft.Data.Sqlite pools them, and the setting stays with the handle.</summary>
    private readonly ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Whether the connection's database handle is opened for the first time (a pooled handle keeps its busy timeout).</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _set.TryAdd(handle, handle);
}

public static class SqliteOptions
{
    /// <summary>SQLite as the app uses it: the connection string (or the write queue's own connection) and <see cref="SqliteBusyTimeout"/>.</summary>
    public static DbContextOptionsBuilder UseWorkshopSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance);

    /// <inheritdoc cref="UseWorkshopSqlite(DbContextOptionsBuilder, string)"/>
    public static DbContextOptionsBuilder<TContext> UseWorkshopSqlite<TContext>(this DbContextOptionsBuilder<TContext> options, SqliteConnection connection)
        where TContext : DbContext =>
        options.UseSqlite(connection).AddInterceptors(SqliteBusyTimeout.Instance);
}
