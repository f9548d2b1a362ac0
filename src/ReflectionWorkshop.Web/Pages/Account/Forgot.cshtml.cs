using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Accounts;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/forgot: sends a link to choose a new password. The answer is the same whether or not an
/// account uses the address, so the page cannot be used to find out who has one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ForgotModel(UserManager<AppUser> users, IAccountMailer mailer, IConfiguration configuration) : PageModel
{
    public const string Sent = "If an account uses that email, we've sent it a link to choose a new password.";

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
            var link = $"{PublicUrl.Base(Request, configuration)}/account/reset?email={Uri.EscapeDataString(email)}&token={encoded}";
            await mailer.SendPasswordResetAsync(email, link, cancellationToken);
        }

        StatusMessage = Sent;
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Type the email address you registered with.")]
        [EmailAddress(ErrorMessage = AccountForms.InvalidEmail)]
        public string? Email { get; set; }
    }
}
