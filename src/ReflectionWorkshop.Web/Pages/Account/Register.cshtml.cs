using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/register: a facilitator or coach creates an account and is signed in. When the installation sends
/// mail (and this is not its first account), the account is created only from the link mailed to the address,
/// and the page answers the same whether or not the address has an account (ADR-013).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class RegisterModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IAccountMailer mailer,
    PendingRegistrations pending,
    IOptions<MailSettings> mail,
    IConfiguration configuration,
    TimeProvider clock,
    IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go once the account exists; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int MinPasswordLength => users.Options.Password.RequiredLength;

    /// <summary>Set for the page after the redirect: "we've sent a message", the same for every address.</summary>
    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim() ?? "";
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName?.Trim() ?? "",
            CreatedAt = clock.GetUtcNow(),
        };

        await AccountForms.CheckPasswordAsync(users, user, Input.Password, ModelState, "Input.Password");
        if (mail.Value.IsConfigured && ModelState.IsValid && await users.Users.AnyAsync(cancellationToken))
        {
            return await MailTheLinkAsync(user, cancellationToken);
        }

        if (ModelState.GetFieldValidationState("Input.Email") == ModelValidationState.Valid
            && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError("Input.Email", text["Identity.DuplicateEmail"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The first account on an installation is its administrator (see AppUser): whoever sets the app up
        // registers first, and there is no other way to become one yet. Every later account is not.
        // Two registrations in the same instant on an empty installation could both get the flag; an
        // installation is set up by one person, so that is accepted rather than locked against.
        user.IsAdministrator = !await users.Users.AnyAsync(cancellationToken);

        var result = await users.CreateAsync(user, Input.Password!);
        if (!result.Succeeded)
        {
            AccountForms.AddErrors(ModelState, result.Errors, passwordKey: "Input.Password", emailKey: "Input.Email");
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(AccountForms.LocalOr(Url, ReturnUrl, "/spaces"));
    }

    /// <summary>
    /// The password is hashed either way, so the answer takes as long whether or not the address has an account;
    /// the mail says which, and only the mailbox's owner reads it.
    /// </summary>
    private async Task<IActionResult> MailTheLinkAsync(AppUser user, CancellationToken cancellationToken)
    {
        var email = user.Email!;
        var hash = users.PasswordHasher.HashPassword(user, Input.Password!);
        var language = CultureInfo.CurrentUICulture;
        var baseUrl = PublicUrl.ForMessages(HttpContext, configuration);
        if (await users.FindByEmailAsync(email) is null)
        {
            var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
            var token = pending.Protect(new PendingRegistration(user.DisplayName, email, hash, returnUrl));
            var link = $"{baseUrl}/account/confirm?token={Uri.EscapeDataString(token)}";
            await mailer.SendAsync(AccountEmails.FinishRegistration(text, email, link, language), link, cancellationToken);
        }
        else
        {
            var link = $"{baseUrl}/account/forgot";
            await mailer.SendAsync(AccountEmails.AlreadyRegistered(text, email, link, language), link, cancellationToken);
        }

        StatusMessage = text["Register.CheckEmail", email, (int)PendingRegistrations.ValidFor.TotalHours];
        return RedirectToPage(new { ReturnUrl });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Register.NameRequired")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "Register.NameTooLong")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Register.EmailRequired")]
        [EmailAddress(ErrorMessage = "Forms.InvalidEmail")]
        [StringLength(256, ErrorMessage = "Register.EmailTooLong")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Register.PasswordRequired")]
        [StringLength(256, ErrorMessage = "Forms.PasswordTooLong")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Register.ConfirmRequired")]
        [Compare(nameof(Password), ErrorMessage = "Forms.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }
}
