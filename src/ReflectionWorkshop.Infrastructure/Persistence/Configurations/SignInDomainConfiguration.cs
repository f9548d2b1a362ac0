using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReflectionWorkshop.Infrastructure.Identity;

namespace ReflectionWorkshop.Infrastructure.Persistence.Configurations;

public sealed class SignInDomainConfiguration : IEntityTypeConfiguration<SignInDomain>
{
    public void Configure(EntityTypeBuilder<SignInDomain> builder)
    {
        builder.HasKey(d => d.Domain);
        builder.Property(d => d.Domain).HasMaxLength(SignInDomain.MaxLength);
    }
}
