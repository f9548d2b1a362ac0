using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Diagnostics;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/external: where a single sign-on lands (the provider's answer, already checked, is in Identity's
/// external cookie). In this order:
/// <list type="number">
/// <item>no email from the provider: refused;</item>
/// <item>the administrator's domain list (when it has any) must admit the email's domain, and the email must be proven;</item>
/// <item>a login already linked to an account signs that account in;</item>
/// <item>an email the provider did not prove (no <c>email_verified</c>, and the provider is not trusted for it) is refused:
///   no account is made or found from it;</item>
/// <item>an account with the same email exists: it is linked only after its password is typed here (the provider's word
///   alone is never enough; some let a person put any address in their profile);</item>
/// <item>otherwise the account is made, as registering makes it (the first account of an installation is its
///   administrator; the address counts as confirmed, the provider having proven it), and signed in.</item>
/// </list>
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ExternalModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    SingleSignOn singleSignOn,
    SignInThrottle throttle,
    AppDbContext db,
    TimeProvider clock,
    ILogger<ExternalModel> logger,
    IStringLocalizer<AccountsText> text) : PageModel
{
    /// <summary>Where to go once signed in; only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The provider's name as its button says it.</summary>
    public string ProviderName { get; private set; } = "";

    /// <summary>The address the provider gave, which an account here already has.</summary>
    public string Email { get; private set; } = "";

    /// <summary>False when the existing account has no password (it signs in through another provider).</summary>
    public bool CanLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (info, provider, person) = _external!.Value;
        var signedIn = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (signedIn.Succeeded)
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
            return Done();
        }

        if (!person.EmailVerified)
        {
            return await RefuseAsync(SingleSignOnProblem.Unverified, provider);
        }

        if (await users.FindByEmailAsync(person.Email!) is { } existing)
        {
            // Same address, not linked yet: the page asks for that account's password.
            Email = existing.Email ?? person.Email!;
            CanLink = await users.HasPasswordAsync(existing);
            return Page();
        }

        var user = new AppUser
        {
            UserName = person.Email,
            Email = person.Email,
            EmailConfirmed = true,
            DisplayName = NameFor(person),
            CreatedAt = clock.GetUtcNow(),
        };

        // The first account on an installation is its administrator, as with registering (see RegisterModel).
        user.IsAdministrator = !await users.Users.AnyAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            logger.LogWarning("An account from single sign-on through {Provider} could not be made: {Errors}", provider.Name, string.Join(" ", created.Errors.Select(e => e.Code)));
            return await RefuseAsync(SingleSignOnProblem.Failed, provider);
        }

        var linked = await users.AddLoginAsync(user, info);
        if (!linked.Succeeded)
        {
            await users.DeleteAsync(user);
            return await RefuseAsync(SingleSignOnProblem.Failed, provider);
        }

        logger.LogInformation("An account was made by single sign-on through {Provider}.", provider.Name);
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        return LocalRedirect(AccountForms.LocalOr(Url, ReturnUrl, "/spaces"));
    }

    /// <summary>The existing account's password, typed to link the provider's login to it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (info, provider, person) = _external!.Value;
        if (!person.EmailVerified || await users.FindByEmailAsync(person.Email!) is not { } existing)
        {
            // The page was posted without a matching account behind it: start again from the top.
            return RedirectToPage(new { ReturnUrl });
        }

        Email = existing.Email ?? person.Email!;
        CanLink = await users.HasPasswordAsync(existing);
        if (!ModelState.IsValid || !CanLink)
        {
            return Page();
        }

        var address = RateLimits.Address(HttpContext);
        if (throttle.WaitFor(Email, address) is { } wait)
        {
            ModelState.AddModelError("Input.Password", text["Login.TooMany", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            WorkshopMetrics.SignInFailures.Add(1);
            return Page();
        }

        if (!await users.CheckPasswordAsync(existing, Input.Password!))
        {
            throttle.Failed(Email, address);
            WorkshopMetrics.SignInFailures.Add(1);
            ModelState.AddModelError("Input.Password", text["External.WrongPassword"]);
            return Page();
        }

        throttle.Succeeded(Email, address);
        var linked = await users.AddLoginAsync(existing, info);
        if (!linked.Succeeded)
        {
            return await RefuseAsync(SingleSignOnProblem.Failed, provider);
        }

        logger.LogInformation("A single sign-on login through {Provider} was linked to an existing account after its password.", provider.Name);
        await signIn.SignInAsync(existing, isPersistent: false, info.LoginProvider);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        return Done();
    }

    private (ExternalLoginInfo Info, SingleSignOnProvider Provider, ExternalPerson Person)? _external;

    /// <summary>Reads the external sign-in and applies the checks every step shares; a result when the sign-in goes no further.</summary>
    private async Task<IActionResult?> ReadAsync(CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || singleSignOn.ByScheme(info.LoginProvider) is not { } provider)
        {
            // No (or an expired) external sign-in: opened by hand, or after its five minutes.
            return RedirectToPage("/Account/Login", new { problem = SingleSignOnProblem.Failed, ReturnUrl });
        }

        var person = SingleSignOn.Person(info, provider);
        ProviderName = provider.DisplayName;
        if (person.Email is null)
        {
            return await RefuseAsync(SingleSignOnProblem.NoEmail, provider);
        }

        var allowed = await SignInDomains.ReadAsync(db, cancellationToken);
        if (allowed.Count > 0 && (!person.EmailVerified || !SignInDomains.Admits(allowed, person.Domain)))
        {
            logger.LogWarning("Single sign-on through {Provider} refused: the address's domain {Domain} is not on the administrator's list.", provider.Name, person.Domain);
            return await RefuseAsync(SingleSignOnProblem.Domain, provider);
        }

        _external = (info, provider, person);
        return null;
    }

    private async Task<IActionResult> RefuseAsync(string problem, SingleSignOnProvider provider)
    {
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        WorkshopMetrics.SignInFailures.Add(1);
        return RedirectToPage("/Account/Login", new { problem, provider = provider.Name, ReturnUrl });
    }

    private LocalRedirectResult Done() => LocalRedirect(AccountForms.LocalOr(Url, ReturnUrl, "/facilitate"));

    private static string NameFor(ExternalPerson person)
    {
        var name = person.Name ?? person.Email![..person.Email!.IndexOf('@')];
        return name.Length <= AppUser.DisplayNameMaxLength ? name : name[..AppUser.DisplayNameMaxLength];
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Login.PasswordRequired")]
        [StringLength(256, ErrorMessage = "Forms.PasswordTooLong")]
        public string? Password { get; set; }
    }
}
