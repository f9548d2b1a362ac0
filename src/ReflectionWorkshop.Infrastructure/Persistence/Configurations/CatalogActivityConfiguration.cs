using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Infrastructure.Catalog;

namespace ReflectionWorkshop.Infrastructure.Persistence.Configurations;

public sealed class CatalogActivityConfiguration : IEntityTypeConfiguration<CatalogActivity>
{
    public void Configure(EntityTypeBuilder<CatalogActivity> builder)
    {
        builder.ToTable("Activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(100);
        builder.Property(a => a.SourceFile).HasMaxLength(260);
        builder.Property(a => a.Definition).HasConversion(ActivityJson.Converter, ActivityJson.Comparer).IsRequired();
    }
}
