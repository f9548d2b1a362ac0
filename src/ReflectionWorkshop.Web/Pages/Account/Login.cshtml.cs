using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>/account/login: email and password, with lockout after repeated failures.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go once signed in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user?.UserName is null)
        {
            // Hash the password anyway so an unknown address takes as long to refuse as a wrong password:
            // neither the message nor the timing tells whether an account exists.
            users.PasswordHasher.HashPassword(new AppUser(), Input.Password!);
            ModelState.AddModelError(string.Empty, text["Login.NoMatch"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user.UserName, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(AccountForms.LocalOr(Url, ReturnUrl, "/facilitate"));
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? text["Login.LockedOut"] : text["Login.NoMatch"]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Forms.RegisteredEmailRequired")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Login.PasswordRequired")]
        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }
}
