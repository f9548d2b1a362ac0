using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ReflectionWorkshop.Infrastructure.Identity;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>Adds the claims pages need without a database trip: the display name and the administrator flag.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string AdministratorClaim = "rw:administrator";
    public const string DisplayNameClaim = "rw:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new Claim(AdministratorClaim, "true"));
        }

        return identity;
    }
}
