using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Infrastructure.PostgreSql;

/// <summary>
/// PostgreSQL for several instances of the app (docs/deploy.md, ADR-009): the Npgsql provider with this
/// assembly's migrations, and the start-up step that waits for the server, then applies migrations.
/// </summary>
public static class PostgreSqlDatabase
{
    /// <summary>The assembly holding PostgreSQL's migrations (SQLite's stay in ReflectionWorkshop.Infrastructure).</summary>
    public const string MigrationsAssembly = "ReflectionWorkshop.Infrastructure.PostgreSql";

    public static DbContextOptionsBuilder UseWorkshopPostgreSql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly));

    /// <summary>Where the connection string points, without its password, for messages and logs.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database \"{builder.Database}\" on {builder.Host}:{builder.Port} as \"{builder.Username}\"";
        }
        catch (ArgumentException)
        {
            return "the PostgreSQL server (the connection string could not be read)";
        }
    }

    /// <summary>
    /// Waits up to <paramref name="waitForServer"/> for the server to answer (instances often start before the
    /// database does), then applies the migrations still missing. EF Core takes a lock for that, so instances
    /// that start together do not migrate twice. Throws <see cref="DatabaseStartupException"/> with what to do.
    /// </summary>
    public static async Task PrepareAsync(AppDbContext db, ILogger logger, TimeSpan waitForServer, CancellationToken cancellationToken = default)
    {
        var where = Describe(db.Database.GetConnectionString() ?? "");
        var deadline = DateTimeOffset.UtcNow + waitForServer;
        while (true)
        {
            try
            {
                // Npgsql creates the database itself when it is missing (the user needs CREATEDB for that).
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                await db.Database.MigrateAsync(cancellationToken);
                if (pending.Count > 0)
                {
                    logger.LogWarning("Applied {Count} migration(s) to the PostgreSQL {Where}: {Migrations}.", pending.Count, where, string.Join(", ", pending));
                }

                logger.LogInformation("Using the PostgreSQL {Where}.", where);
                return;
            }
            catch (Exception ex) when (IsUnreachable(ex) && DateTimeOffset.UtcNow < deadline)
            {
                logger.LogWarning("The PostgreSQL server for {Where} does not answer yet ({Reason}); trying again.", where, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                throw new DatabaseStartupException(
                    $"The PostgreSQL server for {where} could not be reached within {waitForServer.TotalSeconds:0} seconds: {Sentence(ex.Message)} " +
                    "Check that PostgreSQL is running and that ConnectionStrings:Default (Host, Port, Database, Username, Password) is right. Nothing was changed.",
                    ex);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                throw new DatabaseStartupException(
                    $"The PostgreSQL {where} could not be opened or upgraded: {Sentence(ex.Message)} " +
                    "Nothing was deleted. Check the user's rights (it needs to create tables, and the database too if it does not exist yet).",
                    ex);
            }
        }
    }

    private static string Sentence(string message) => message.TrimEnd().TrimEnd('.') + ".";

    /// <summary>The server is down or not there (yet): worth waiting for, unlike a wrong password or a failed migration.</summary>
    private static bool IsUnreachable(Exception ex) =>
        ex switch
        {
            PostgresException postgres => postgres.SqlState is PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown,
            NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } => true,
            NpgsqlException npgsql when npgsql.IsTransient => true,
            InvalidOperationException { InnerException: { } inner } => IsUnreachable(inner),
            _ => false,
        };
}
