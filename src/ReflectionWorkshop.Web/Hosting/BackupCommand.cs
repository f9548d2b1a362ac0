using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// <c>dotnet ReflectionWorkshop.Web.dll backup PATH</c> (or <c>dotnet run --project src/ReflectionWorkshop.Web -- backup PATH</c>):
/// copies a SQLite installation's database to PATH while the app keeps running (<see cref="SqliteBackup"/>). It reads
/// the same settings as the app (appsettings, environment, <c>--ConnectionStrings:Default=…</c> after PATH).
/// </summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args is ["backup", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["backup", var target, .. var settings] || target.StartsWith('-'))
        {
            Console.Error.WriteLine("Usage: backup PATH   (PATH: a new file for the copy, e.g. backups/reflection-2026-12-07.db)");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(settings);
        if (builder.Configuration["Database:Provider"] is { } provider && provider.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("This installation keeps its data in PostgreSQL: back it up with pg_dump (docs/deploy.md, \"Backups\").");
            return 2;
        }

        var connectionString = SqliteDatabase.ResolveConnectionString(
            builder.Configuration.GetConnectionString("Default") ?? DatabaseSetup.DefaultSqlite, builder.Environment.ContentRootPath);
        try
        {
            var copy = await SqliteBackup.CopyAsync(connectionString, target);
            Console.WriteLine($"Backed up {SqliteDatabase.FilePath(connectionString)} to {copy.Path}: {copy.Bytes:N0} bytes, {copy.Sessions} sessions, {copy.Answers} answers; SQLite's integrity check passed.");
            Console.WriteLine("To restore: stop the app, put the copy where ConnectionStrings:Default points (or point it at the copy), start the app.");
            return 0;
        }
        catch (BackupException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
