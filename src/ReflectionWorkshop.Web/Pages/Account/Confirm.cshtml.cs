using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/confirm: the link mailed by registration. Opening it shows whose account it makes; the button
/// creates it (a mail scanner that follows links creates nothing) and signs the person in.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ConfirmModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, PendingRegistrations pending, TimeProvider clock, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public PendingRegistration? Registration { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet() => Read();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Read() || Registration is not { } registration)
        {
            return Page();
        }

        if (await users.FindByEmailAsync(registration.Email) is not null)
        {
            // Opened twice, or the address got an account meanwhile: its owner is the one reading, so say so.
            Problem = text["Confirm.Taken", registration.Email];
            return Page();
        }

        var user = new AppUser
        {
            UserName = registration.Email,
            Email = registration.Email,
            EmailConfirmed = true,
            DisplayName = registration.DisplayName,
            PasswordHash = registration.PasswordHash,
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            Problem = text["Confirm.Taken", registration.Email];
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(AccountForms.LocalOr(Url, registration.ReturnUrl, "/spaces"));
    }

    private bool Read()
    {
        Registration = pending.Unprotect(Token);
        Problem = Registration is null ? text["Confirm.Invalid", (int)PendingRegistrations.ValidFor.TotalHours].Value : null;
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Problem is null;
    }
}
