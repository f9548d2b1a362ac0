using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate;

/// <summary>/facilitate: the activity catalogue, the files that were refused, and starting a session.</summary>
public sealed class IndexModel(AppDbContext db, ShippedActivitiesReport report, SpaceAccess access, TimeProvider clock, IStringLocalizer<FacilitationText> text) : PageModel
{
    private const int CodeAttempts = 10;

    public CurrentSpace Space { get; private set; } = null!;

    public IReadOnlyList<CatalogActivity> Activities { get; private set; } = [];

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

    public async Task<IActionResult> OnPostStartAsync(string activityId, Anonymity anonymity, Pacing pacing, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { IsFacilitator: true } space)
        {
            return NotFound();
        }

        Space = space;
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        if (activity is null)
        {
            ModelState.AddModelError("", text["Catalogue.ActivityGone"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Codes are unique for all time, so an old link can never land a phone in someone else's session.
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = JoinCode.Generate(Random.Shared);
            if (await db.Sessions.AnyAsync(s => s.JoinCode == code, cancellationToken))
            {
                continue;
            }

            var session = Session.Create(activity.Definition, code, anonymity, space.Space.Id, SpaceAccess.UserId(User), clock.GetUtcNow(), pacing);
            db.Sessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Facilitate/Sessions/Run", new { id = session.Id });
        }

        ModelState.AddModelError("", text["Catalogue.NoFreeCode"]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var activities = await db.Activities.AsNoTracking().ToListAsync(cancellationToken);
        Activities = activities.OrderBy(a => a.Definition.Title, StringComparer.CurrentCulture).ToList();
    }
}
