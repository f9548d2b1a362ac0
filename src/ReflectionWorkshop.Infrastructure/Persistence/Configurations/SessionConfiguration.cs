using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;

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
        builder.Property(s => s.Ballots)
            .HasConversion(JsonColumn<IReadOnlyDictionary<int, IReadOnlyList<string>>>.Converter, JsonColumn<IReadOnlyDictionary<int, IReadOnlyList<string>>>.Comparer)
            .IsRequired();
        builder.Property(s => s.Notes)
            .HasConversion(JsonColumn<IReadOnlyDictionary<int, string>>.Converter, JsonColumn<IReadOnlyDictionary<int, string>>.Comparer)
            .IsRequired();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Anonymity).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Pacing).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => new { s.SpaceId, s.CreatedAt });
        builder.HasOne<Space>().WithMany().HasForeignKey(s => s.SpaceId).OnDelete(DeleteBehavior.Cascade);

        // An account id, not a foreign key: removing a user must not delete the sessions they ran.
        builder.Property(s => s.FacilitatorId).HasMaxLength(450).IsRequired();

        // Not a foreign key either: the snapshot is what the session ran, whatever becomes of the activity.
        builder.HasIndex(s => s.CustomActivityId);
    }
}
