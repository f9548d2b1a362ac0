using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReflectionWorkshop.Infrastructure.Identity;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/logout: signing out is a post (a link or an image elsewhere cannot sign anyone out);
/// opening the address shows a button that makes that post.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
