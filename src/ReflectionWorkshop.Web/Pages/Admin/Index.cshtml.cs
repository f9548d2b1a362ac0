using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Admin;

/// <summary>
/// /admin: the installation's administrator (its first account) sees every space and account and can
/// remove an account. Reached only through the administrator policy on the /Admin folder.
/// </summary>
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, SingleSignOn singleSignOn, IStringLocalizer<AccountsText> text) : PageModel
{
    public sealed record SpaceRow(string Name, int Members, int Sessions);

    public sealed record UserRow(string Id, string Name, string Email, bool IsAdministrator, DateTimeOffset CreatedAt, int Spaces);

    public IReadOnlyList<SpaceRow> SpaceRows { get; private set; } = [];

    public IReadOnlyList<UserRow> UserRows { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The single sign-on providers the settings turn on (none: the section says how to).</summary>
    public IReadOnlyList<SingleSignOnProvider> Providers => singleSignOn.Providers;

    /// <summary>The email domains single sign-on admits, one a line, as the form shows (and gives back when refused).</summary>
    [BindProperty]
    public string? Domains { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        Domains = string.Join('\n', await SignInDomains.ReadAsync(db, cancellationToken));
    }

    /// <summary>Keeps the domain list; an entry that is no domain refuses the whole list, with what was typed kept.</summary>
    public async Task<IActionResult> OnPostDomainsAsync(CancellationToken cancellationToken)
    {
        var (domains, invalid) = SignInDomains.Parse(Domains);
        if (invalid.Count > 0)
        {
            ModelState.AddModelError(nameof(Domains), text["Admin.DomainsInvalid", string.Join(", ", invalid)]);
            await ReadAsync(cancellationToken);
            return Page();
        }

        await SignInDomains.SaveAsync(db, domains, cancellationToken);
        Message = domains.Count == 0 ? text["Admin.DomainsSavedAny"] : text["Admin.DomainsSaved", string.Join(", ", domains)];
        return RedirectToPage();
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var memberCounts = await db.SpaceMembers.GroupBy(m => m.SpaceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var sessionCounts = await db.Sessions.GroupBy(s => s.SpaceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        SpaceRows = (await db.Spaces.AsNoTracking().ToListAsync(cancellationToken))
            .Select(s => new SpaceRow(s.Name, memberCounts.GetValueOrDefault(s.Id), sessionCounts.GetValueOrDefault(s.Id)))
            .OrderBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();
        var spacesPerUser = await db.SpaceMembers.GroupBy(m => m.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        UserRows = (await db.Users.AsNoTracking().ToListAsync(cancellationToken))
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.IsAdministrator, u.CreatedAt, spacesPerUser.GetValueOrDefault(u.Id)))
            .OrderBy(u => u.CreatedAt)
            .ToList();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken cancellationToken)
    {
        if (userId == SpaceAccess.UserId(User))
        {
            Message = text["Admin.NotYourself"];
            return RedirectToPage();
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return NotFound();
        }

        // Memberships go with the account (cascade); sessions stay with their spaces.
        await users.DeleteAsync(user);
        Message = text["Admin.Removed", user.Email ?? ""];
        return RedirectToPage();
    }
}
