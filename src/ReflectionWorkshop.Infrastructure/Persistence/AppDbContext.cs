using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Identity;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Pages use it directly; there is no repository layer over it (docs/decisions/ADR-002).
/// Make a migration from the repository root with:
/// <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/ReflectionWorkshop.Infrastructure --output-dir Persistence/Migrations</c>
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Space> Spaces => Set<Space>();

    public DbSet<SpaceMember> SpaceMembers => Set<SpaceMember>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<CatalogActivity> Activities => Set<CatalogActivity>();

    /// <summary>Activities a space wrote or adapted in the app (shipped ones are <see cref="Activities"/>).</summary>
    public DbSet<CustomActivity> CustomActivities => Set<CustomActivity>();

    public DbSet<ActivityVersion> ActivityVersions => Set<ActivityVersion>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Response> Responses => Set<Response>();

    public DbSet<ThemeBoard> ThemeBoards => Set<ThemeBoard>();

    /// <summary>The email domains single sign-on admits (none: any); see <see cref="SignInDomain"/>.</summary>
    public DbSet<SignInDomain> SignInDomains => Set<SignInDomain>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

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
