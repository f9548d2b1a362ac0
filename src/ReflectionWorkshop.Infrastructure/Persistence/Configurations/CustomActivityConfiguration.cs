using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Spaces;

namespace ReflectionWorkshop.Infrastructure.Persistence.Configurations;

public sealed class CustomActivityConfiguration : IEntityTypeConfiguration<CustomActivity>
{
    public void Configure(EntityTypeBuilder<CustomActivity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Space>().WithMany().HasForeignKey(a => a.SpaceId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.Slug).HasMaxLength(100).IsRequired();

        // The id in an exported file names the activity within its space.
        builder.HasIndex(a => new { a.SpaceId, a.Slug }).IsUnique();
        builder.Property(a => a.Definition).HasConversion(ActivityJson.Converter, ActivityJson.Comparer).IsRequired();
        builder.Property(a => a.BasedOn).HasMaxLength(100);
        builder.Property(a => a.UpdatedBy).HasMaxLength(450).IsRequired();

        // Two facilitators saving the same activity at once: the later save fails instead of silently undoing the earlier.
        builder.Property(a => a.UpdatedAt).IsConcurrencyToken();
    }
}

public sealed class ActivityVersionConfiguration : IEntityTypeConfiguration<ActivityVersion>
{
    public void Configure(EntityTypeBuilder<ActivityVersion> builder)
    {
        builder.HasKey(v => new { v.ActivityId, v.Number });
        builder.HasOne<CustomActivity>().WithMany().HasForeignKey(v => v.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.Definition).HasConversion(ActivityJson.Converter, ActivityJson.Comparer).IsRequired();
    }
}
