using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account: the signed-in person's settings. The language is kept with the account (as a claim), so
/// every device they sign in on shows the app in it; it also becomes this device's choice. Whether they are
/// mailed when a summary is ready in a space they coach is kept on the account (<see cref="AppUser.SummaryMailOptOut"/>).
/// </summary>
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<AccountsText> text) : PageModel
{
    [BindProperty]
    public string? Language { get; set; }

    /// <summary>"Email me when a summary is ready": ticked unless the account opted out; an unticked box posts nothing.</summary>
    [BindProperty]
    public bool SummaryMails { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Show(user);
        return Page();
    }

    private void Show(AppUser user)
    {
        Email = user.Email;
        Language = User.FindFirst(WorkshopLanguages.Claim)?.Value ?? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        SummaryMails = !user.SummaryMailOptOut;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Email = user.Email;
        SummaryMails = !user.SummaryMailOptOut;
        if (WorkshopLanguages.Find(Language) is not { } culture)
        {
            ModelState.AddModelError(nameof(Language), text["Account.LanguageUnknown"]);
            return Page();
        }

        var existing = (await users.GetClaimsAsync(user)).Where(c => c.Type == WorkshopLanguages.Claim).ToList();
        if (existing.Count > 0)
        {
            await users.RemoveClaimsAsync(user, existing);
        }

        await users.AddClaimAsync(user, new Claim(WorkshopLanguages.Claim, culture.Name));
        await signIn.RefreshSignInAsync(user);
        Response.RememberLanguage(culture.Name);

        // The message is read on the next request, which already speaks the new language.
        StatusMessage = "Account.LanguageSaved";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMailsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        user.SummaryMailOptOut = !SummaryMails;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("The account's email choice could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
        }

        StatusMessage = SummaryMails ? "Account.SummaryMailsOn" : "Account.SummaryMailsOff";
        return RedirectToPage();
    }
}
