using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate;

/// <summary>/facilitate: the activity catalogue and the files that were refused; each activity links to the page that starts it (Start).</summary>
public sealed class IndexModel(AppDbContext db, ShippedActivitiesReport report, SpaceAccess access) : PageModel
{
    public CurrentSpace Space { get; private set; } = null!;

    /// <summary>An activity to pick: a shipped one, or (with its id) one of the space's own.</summary>
    public sealed record Entry(Activity Definition, Guid? CustomId);

    public IReadOnlyList<Entry> Activities { get; private set; } = [];

    public IReadOnlyList<RefusedActivityFile> Refused => report.Refused;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            // No space yet: sessions always belong to one, so the first stop is making it.
            return RedirectToPage("/Spaces/Index");
        }

        Space = space;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var shipped = await db.Activities.AsNoTracking().ToListAsync(cancellationToken);
        var own = await db.CustomActivities.AsNoTracking().Where(a => a.SpaceId == Space.Space.Id).ToListAsync(cancellationToken);
        Activities = own.Select(a => new Entry(a.Definition, a.Id))
            .OrderBy(e => e.Definition.Title, StringComparer.CurrentCulture)
            .Concat(shipped.Select(a => new Entry(a.Definition, null)).OrderBy(e => e.Definition.Title, StringComparer.CurrentCulture))
            .ToList();
    }
}
