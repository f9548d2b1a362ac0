using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Diagnostics;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/login: email and password; repeated failures hold the address off that email for a while (<see cref="SignInThrottle"/>).
/// With single sign-on configured, a "Sign in with …" button per provider too; a refused single sign-on comes back here with why.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, SingleSignOn singleSignOn, AppDbContext db, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go once signed in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why a single sign-on came back here (<see cref="SingleSignOnProblem"/>), and through which provider.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Problem { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Provider { get; set; }

    /// <summary>The providers whose "Sign in with …" buttons the page shows (none: no buttons).</summary>
    public IReadOnlyList<SingleSignOnProvider> Providers => singleSignOn.Providers;

    /// <summary>The sentence for <see cref="Problem"/>, or null.</summary>
    public string? SingleSignOnMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var provider = singleSignOn.ByName(Provider)?.DisplayName ?? text["Login.SsoSomeProvider"].Value;
        SingleSignOnMessage = Problem switch
        {
            SingleSignOnProblem.Failed => text["Login.SsoFailed", provider].Value,
            SingleSignOnProblem.NoEmail => text["Login.SsoNoEmail", provider].Value,
            SingleSignOnProblem.Unverified => text["Login.SsoUnverified", provider].Value,
            SingleSignOnProblem.Domain => text["Login.SsoDomain", provider, string.Join(", ", await SignInDomains.ReadAsync(db, cancellationToken))].Value,
            _ => null,
        };
        if (SingleSignOnMessage is not null)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    /// <summary>A "Sign in with …" button: off to the provider, back through /account/external.</summary>
    public IActionResult OnPostExternal(string? provider)
    {
        if (singleSignOn.ByName(provider) is not { } chosen)
        {
            return NotFound();
        }

        var back = Url.Page("/Account/External", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        var properties = signIn.ConfigureExternalAuthenticationProperties(chosen.Scheme, back);
        return Challenge(properties, chosen.Scheme);
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
            WorkshopMetrics.SignInFailures.Add(1);
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user?.UserName is null)
        {
            // Hash the password anyway so an unknown address takes as long to refuse as a wrong password:
            // neither the message nor the timing tells whether an account exists.
            users.PasswordHasher.HashPassword(new AppUser(), Input.Password!);
            throttle.Failed(email, address);
            WorkshopMetrics.SignInFailures.Add(1);
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
        WorkshopMetrics.SignInFailures.Add(1);
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
