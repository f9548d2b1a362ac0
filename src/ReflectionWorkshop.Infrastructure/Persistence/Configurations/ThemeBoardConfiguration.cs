using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Infrastructure.Persistence.Configurations;

public sealed class ThemeBoardConfiguration : IEntityTypeConfiguration<ThemeBoard>
{
    public void Configure(EntityTypeBuilder<ThemeBoard> builder)
    {
        builder.HasKey(b => b.Id);
        builder.HasOne<Session>().WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Cascade);

        // One board per step: two facilitators opening an empty board at once end up on the same one.
        builder.HasIndex(b => new { b.SessionId, b.Step }).IsUnique();

        // A board is read and written whole, so its themes are one JSON value; the version makes two
        // edits that race fail (and retry) instead of the later silently overwriting the earlier.
        builder.Property(b => b.Themes)
            .HasConversion(JsonColumn<IReadOnlyList<Theme>>.Converter, JsonColumn<IReadOnlyList<Theme>>.Comparer)
            .IsRequired();

        // Drafts waiting for the facilitator and the cards the room placed itself: read and written with the themes.
        builder.Property(b => b.Drafts)
            .HasConversion(JsonColumn<IReadOnlyList<Theme>>.Converter, JsonColumn<IReadOnlyList<Theme>>.Comparer)
            .HasDefaultValue(Array.Empty<Theme>())
            .IsRequired();
        builder.Property(b => b.RoomPlaced)
            .HasConversion(JsonColumn<IReadOnlyList<CardKey>>.Converter, JsonColumn<IReadOnlyList<CardKey>>.Comparer)
            .HasDefaultValue(Array.Empty<CardKey>())
            .IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}
