using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Infrastructure.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add NAME --project src/ReflectionWorkshop.Infrastructure.PostgreSql</c> build the
/// context for PostgreSQL. Making a migration never connects, so the server named here need not exist.
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseWorkshopPostgreSql("Host=localhost;Database=reflection_workshop_design;Username=reflection");
        return new AppDbContext(options.Options);
    }
}
