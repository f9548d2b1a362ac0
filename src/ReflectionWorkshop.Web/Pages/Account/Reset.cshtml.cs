using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>/account/reset?email=…&amp;token=…: the link from /account/forgot, where a new password is chosen.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ResetModel(UserManager<AppUser> users, SignInThrottle throttle, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set for the page after the redirect that follows a successful reset.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>True when the link is wrong, already used or expired: the page says so instead of showing the form.</summary>
    public bool LinkInvalid { get; private set; }

    public int MinPasswordLength => users.Options.Password.RequiredLength;

    public async Task OnGetAsync(string? email, string? token)
    {
        if (StatusMessage is not null)
        {
            return;
        }

        Input.Email = email;
        Input.Token = token;

        // Checked now, so nobody types a new password twice into a link that was never going to work.
        LinkInvalid = await FindAsync(email) is not { } user || Decode(token) is not { } decoded
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, decoded);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // An unknown address gets the same answer as a bad token: the page never says whether an account exists.
        if (await FindAsync(Input.Email) is not { } user || Decode(Input.Token) is not { } token)
        {
            LinkInvalid = true;
            return Page();
        }

        await AccountForms.CheckPasswordAsync(users, user, Input.Password, ModelState, "Input.Password");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkInvalid = true;
                return Page();
            }

            AccountForms.AddErrors(ModelState, result.Errors, passwordKey: "Input.Password");
            return Page();
        }

        // Whoever can read the account's email may unlock it: a lockout should not outlast a fresh password.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        throttle.Cleared(user.Email ?? Input.Email ?? "");
        StatusMessage = text["Reset.Done"];
        return RedirectToPage();
    }

    private async Task<AppUser?> FindAsync(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());

    /// <summary>The token as Identity made it, or null when the link's text was cut or altered.</summary>
    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Token { get; set; }

        [Required(ErrorMessage = "Password.NewRequired")]
        [StringLength(256, ErrorMessage = "Forms.PasswordTooLong")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Password.ConfirmNewRequired")]
        [Compare(nameof(Password), ErrorMessage = "Forms.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }
}
