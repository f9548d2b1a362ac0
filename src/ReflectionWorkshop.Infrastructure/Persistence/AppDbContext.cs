using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Catalog;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Pages use it directly; there is no repository layer over it (docs/decisions/ADR-002).
/// Make a migration from the repository root with:
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/ReflectionWorkshop.Infrastructure --output-dir Persistence/Migrations</c>
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<CatalogActivity> Activities => Set<CatalogActivity>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Response> Responses => Set<Response>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type and cannot order or compare EF's text form of it;
        // stored as a sortable 64-bit number instead.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
