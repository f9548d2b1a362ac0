using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Accounts;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// /account/summary-mails: the "stop these emails" link of a "summary is ready" mail, signed for one account
/// (<see cref="SummaryMailLinks"/>), so it needs no sign-in. Opening it changes nothing (mail scanners follow
/// links); the button turns the mails off. The page names no account: the link may have been forwarded.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SummaryMailsModel(UserManager<AppUser> users, SummaryMailLinks links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Invalid { get; private set; }

    public bool Stopped { get; private set; }

    public async Task OnGetAsync(bool stopped = false)
    {
        Stopped = stopped;
        if (!stopped)
        {
            await FindAsync();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not { } user)
        {
            return Page();
        }

        if (!user.SummaryMailOptOut)
        {
            user.SummaryMailOptOut = true;
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The account's email choice could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
            }
        }

        return RedirectToPage(new { stopped = true });
    }

    /// <summary>The account the link was made for; a changed link, or one whose account is gone, is refused the same.</summary>
    private async Task<AppUser?> FindAsync()
    {
        var user = links.UserIdFrom(Token) is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return user;
    }
}
