using System.ComponentModel.DataAnnotations;
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

/// <summary>/account/login: email and password; repeated failures hold the address off that email for a while (<see cref="SignInThrottle"/>).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, IStringLocalizer<AccountsText> text) : PageModel
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

        var email = Input.Email!.Trim();
        var address = RateLimits.Address(HttpContext);
        if (throttle.WaitFor(email, address) is { } wait)
        {
            // Before any password is checked, and the same for an email no account has: the hold tells nothing.
            ModelState.AddModelError(string.Empty, text["Login.TooMany", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user?.UserName is null)
        {
            // Hash the password anyway so an unknown address takes as long to refuse as a wrong password:
            // neither the message nor the timing tells whether an account exists.
            users.PasswordHasher.HashPassword(new AppUser(), Input.Password!);
            throttle.Failed(email, address);
            ModelState.AddModelError(string.Empty, text["Login.NoMatch"]);
            return Page();
        }

        // Identity's lockout stays off: anyone who knows an email could set it off (see SignInThrottle).
        var result = await signIn.PasswordSignInAsync(user.UserName, Input.Password!, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(email, address);
            return LocalRedirect(AccountForms.LocalOr(Url, ReturnUrl, "/facilitate"));
        }

        throttle.Failed(email, address);
        ModelState.AddModelError(string.Empty, text["Login.NoMatch"]);
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
