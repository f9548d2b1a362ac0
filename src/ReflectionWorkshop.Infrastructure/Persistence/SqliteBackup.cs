using Microsoft.Data.Sqlite;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// A copy of a running SQLite installation's database, safe while the app keeps writing: <c>VACUUM INTO</c> reads
/// one consistent snapshot (a read transaction beside the write-ahead log, so writers are never blocked) and writes
/// it as a new, compact database file; the copy is then checked with <c>PRAGMA integrity_check</c>.
/// </summary>
public static class SqliteBackup
{
    /// <summary>What was copied: the file written, its size and what the copy holds.</summary>
    public sealed record Result(string Path, long Bytes, long Sessions, long Answers);

    /// <summary>Copies the database to <paramref name="target"/>, which must not exist yet (a backup never overwrites).</summary>
    /// <exception cref="BackupException">The target exists or cannot be written, or the copy did not check out.</exception>
    public static async Task<Result> CopyAsync(string connectionString, string target, CancellationToken cancellationToken = default)
    {
        var path = System.IO.Path.GetFullPath(target);
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new BackupException($"{path} already exists; a backup never overwrites a file. Choose a new name, e.g. one with today's date.");
        }

        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            throw new BackupException($"The folder {folder} does not exist; create it first.");
        }

        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new BackupException($"There is no database at {source.DataSource} to back up (ConnectionStrings:Default).");
        }

        await using (var connection = new SqliteConnection(source.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", path);
            try
            {
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex)
            {
                throw new BackupException($"The copy could not be written to {path}: {ex.Message}", ex);
            }
        }

        var copy = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using (var check = new SqliteConnection(copy.ToString()))
        {
            await check.OpenAsync(cancellationToken);
            var integrity = await ScalarAsync(check, "PRAGMA integrity_check", cancellationToken);
            if (!string.Equals(integrity, "ok", StringComparison.Ordinal))
            {
                throw new BackupException($"The copy at {path} failed SQLite's integrity check ({integrity}); keep the earlier backup and try again.");
            }

            var sessions = long.Parse(await ScalarAsync(check, "SELECT count(*) FROM Sessions", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var answers = long.Parse(await ScalarAsync(check, "SELECT count(*) FROM Responses", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new Result(path, new FileInfo(path).Length, sessions, answers);
        }
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}

/// <summary>A backup that could not be made, with what to do about it.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
