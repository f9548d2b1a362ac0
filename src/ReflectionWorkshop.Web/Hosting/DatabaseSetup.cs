using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Infrastructure.PostgreSql;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// The database by configuration (ADR-009): SQLite unless <c>Database:Provider</c> says PostgreSQL. Each provider
/// has its own migrations; both are made from the same model.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/reflection-workshop.db";

    /// <summary>
    /// Registers the AppDbContext for the configured provider; throws with a plain message when the settings do not fit.
    /// Contexts are pooled: setting up a fresh one was a tenth of the server's work for each answer in a burst.
    /// </summary>
    public static void AddWorkshopDatabase(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString("Default");
        if (IsPostgreSql(builder.Configuration))
        {
            var connectionString = CheckPostgreSql(configured);
            builder.Services.AddDbContextPool<AppDbContext>(options => options.UseWorkshopPostgreSql(connectionString));
            builder.Services.AddSingleton(_ => WriteQueue.Direct());
        }
        else
        {
            var connectionString = SqliteDatabase.ResolveConnectionString(configured ?? DefaultSqlite, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<AppDbContext>(options => options.UseWorkshopSqlite(connectionString));
            builder.Services.AddSingleton(_ => WriteQueue.ForSqlite(connectionString));
        }
    }

    /// <summary>Opens, checks and migrates the database at start-up; throws <see cref="DatabaseStartupException"/> with what to do.</summary>
    public static Task PrepareAsync(AppDbContext db, IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default) =>
        db.Database.IsNpgsql()
            ? PostgreSqlDatabase.PrepareAsync(db, logger, TimeSpan.FromSeconds(configuration.GetValue("Database:StartupWaitSeconds", 30)), cancellationToken)
            : SqliteDatabase.PrepareAsync(db, logger, cancellationToken);

    private static bool IsPostgreSql(IConfiguration configuration) =>
        configuration["Database:Provider"] switch
        {
            null or "" => false,
            var name when name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => false,
            var name when name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => true,
            var name => throw new InvalidOperationException(
                $"Database:Provider is \"{name}\"; it can be \"Sqlite\" (the default) or \"PostgreSQL\" (docs/deploy.md)."),
        };

    private static string CheckPostgreSql(string? connectionString)
    {
        const string Example = "e.g. ConnectionStrings__Default=\"Host=127.0.0.1;Port=5432;Database=reflection;Username=reflection;Password=…\"";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"Database:Provider is PostgreSQL, so ConnectionStrings:Default must say which server: {Example}.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new ArgumentException("it names no Host");
            }
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"Database:Provider is PostgreSQL, but ConnectionStrings:Default is not a PostgreSQL connection string ({ex.Message}): {Example}.", ex);
        }

        return connectionString;
    }
}
