using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Infrastructure.PostgreSql;

namespace ReflectionWorkshop.ScaleOut.Tests;

/// <summary>
/// Each database provider has its own migrations, made from the one model. When the model changes and a
/// provider's migration is missing, these fail and say which command makes it. No server is needed.
/// </summary>
public sealed class MigrationsInStepTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed but SQLite has no migration for it. Run: dotnet ef migrations add NAME --project src/ReflectionWorkshop.Infrastructure --output-dir Persistence/Migrations");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseWorkshopPostgreSql("Host=127.0.0.1;Database=never_opened;Username=nobody");
        using var db = new AppDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed but PostgreSQL has no migration for it. Run: dotnet ef migrations add NAME --project src/ReflectionWorkshop.Infrastructure.PostgreSql --output-dir Migrations");
    }

    [Fact]
    public void Each_provider_reads_only_its_own_migrations()
    {
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseWorkshopPostgreSql("Host=127.0.0.1;Database=never_opened;Username=nobody");
        using var postgres = new AppDbContext(options.Options);

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
        Assert.Contains(postgres.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }
}
