using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/password: change the password of the signed-in account (signed-in only, by the
/// AuthorizePage convention in Program.cs). Rate limited like sign-in, so a borrowed session cannot
/// be used to guess the current password quickly.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Carried over the redirect after a successful change.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public int MinPasswordLength => users.Options.Password.RequiredLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            // Signed in with a cookie whose account has been deleted.
            return Challenge();
        }

        await AccountForms.CheckPasswordAsync(users, user, Input.NewPassword, ModelState, "Input.NewPassword");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            AccountForms.AddErrors(ModelState, result.Errors, passwordKey: "Input.NewPassword", currentPasswordKey: "Input.CurrentPassword");
            return Page();
        }

        // The security stamp changed with the password: a fresh cookie keeps this device signed in.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = text["Password.Changed"];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Password.CurrentRequired")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Password.NewRequired")]
        [StringLength(256, ErrorMessage = "Forms.PasswordTooLong")]
        public string? NewPassword { get; set; }

        [Required(ErrorMessage = "Password.ConfirmNewRequired")]
        [Compare(nameof(NewPassword), ErrorMessage = "Password.NewPasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }
}
