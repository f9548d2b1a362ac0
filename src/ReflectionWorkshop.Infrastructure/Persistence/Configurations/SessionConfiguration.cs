using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Infrastructure.Persistence.Configurations;

public sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.JoinCode).HasMaxLength(JoinCode.Length).IsRequired();
        builder.HasIndex(s => s.JoinCode).IsUnique();
        builder.Property(s => s.Activity)
            .HasColumnName("ActivitySnapshot")
            .HasConversion(ActivityJson.Converter, ActivityJson.Comparer)
            .IsRequired();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Anonymity).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.CreatedAt);
    }
}
