using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Infrastructure.Persistence.Configurations;

public sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Cascade);

        // One answer per participant and step: a double tap or a retry that slips past the page's
        // check fails here instead of storing a second response.
        builder.HasIndex(r => new { r.ParticipantId, r.Step }).IsUnique();
        builder.HasIndex(r => new { r.SessionId, r.Step });
        builder.Property(r => r.SubmissionKey).HasMaxLength(Response.SubmissionKeyMaxLength);

        // Items are rows of their own (not JSON) because themes will group individual items.
        builder.OwnsMany(r => r.Items, item =>
        {
            item.ToTable("ResponseItems");
            item.WithOwner().HasForeignKey("ResponseId");
            item.Property<int>("Id");
            item.HasKey("Id");
            item.Property(i => i.Text).HasMaxLength(AnswerLimits.TextMaxLength).IsRequired();
        });
        builder.Navigation(r => r.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
