using System.ComponentModel.DataAnnotations;
using System.Globalization;
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
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/forgot: sends a link to choose a new password. The answer is the same whether or not an
/// account uses the address, so the page cannot be used to find out who has one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ForgotModel(UserManager<AppUser> users, IAccountMailer mailer, IConfiguration configuration, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set for the page after the redirect: the confirmation instead of the form.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is { Email: { } email })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = $"{PublicUrl.ForMessages(HttpContext, configuration)}/account/reset?email={Uri.EscapeDataString(email)}&token={encoded}";

            // In the language the account chose, else the one this request is in (whoever asked is most likely its owner).
            var chosen = (await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == WorkshopLanguages.Claim)?.Value;
            var language = WorkshopLanguages.Find(chosen) ?? CultureInfo.CurrentUICulture;
            await mailer.SendAsync(AccountEmails.PasswordReset(text, email, link, language), link, cancellationToken);
        }

        StatusMessage = text["Forgot.Sent"];
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Forms.RegisteredEmailRequired")]
        [EmailAddress(ErrorMessage = "Forms.InvalidEmail")]
        public string? Email { get; set; }
    }
}
