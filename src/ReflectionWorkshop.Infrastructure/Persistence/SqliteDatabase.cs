using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>Thrown at start-up when the database cannot be used as it is; the message says what to do.</summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Opens the SQLite database at start-up: resolves a relative path against the app's folder, refuses a
/// file that is not a SQLite database (rather than building a new empty one over it), applies
/// migrations and turns on write-ahead logging.
/// </summary>
public static class SqliteDatabase
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>Makes a relative Data Source absolute, so the database does not move with the working directory.</summary>
    public static string ResolveConnectionString(string connectionString, string baseFolder)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(source))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(baseFolder, source));
        }

        return builder.ToString();
    }

    public static string FilePath(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public static async Task PrepareAsync(AppDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        var path = FilePath(db.Database.GetConnectionString() ?? "");
        var isNew = !File.Exists(path);
        if (isNew)
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        else
        {
            CheckHeader(path);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            var check = await db.Database.SqlQueryRaw<string>("PRAGMA quick_check;").ToListAsync(cancellationToken);
            if (check is not ["ok"])
            {
                throw new DatabaseStartupException(
                    $"The database file {path} is damaged ({string.Join("; ", check.Take(3))}). Nothing was changed. " +
                    "Restore it from a backup, or move it aside to start with an empty database.");
            }
        }
        catch (SqliteException ex)
        {
            throw new DatabaseStartupException(
                $"The database file {path} could not be opened or upgraded: {ex.Message} " +
                "Nothing was deleted. Restore the file from a backup, or move it aside to start with an empty database.",
                ex);
        }

        if (isNew)
        {
            logger.LogWarning("No database was found at {Path}; created a new, empty one.", path);
        }
        else
        {
            logger.LogInformation("Using the database at {Path}.", path);
        }
    }

    private static void CheckHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        // An empty file is what SQLite itself leaves when it creates one; anything else must carry the header.
        if (read != 0 && !header.AsSpan(0, read).SequenceEqual(SqliteHeader))
        {
            throw new DatabaseStartupException(
                $"The file {path} is not a SQLite database (it may be damaged or be some other file). " +
                "Nothing was changed. Point ConnectionStrings:Default at the right file, restore it from a backup, " +
                "or move it aside to start with an empty database.");
        }
    }
}
