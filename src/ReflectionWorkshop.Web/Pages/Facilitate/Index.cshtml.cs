using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
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

    public async Task<IActionResult> OnPostStartAsync(string activityId, Guid? customActivityId, Anonymity anonymity, Pacing pacing, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { IsFacilitator: true } space)
        {
            return NotFound();
        }

        Space = space;
        var (activity, origin) = await PickAsync(activityId, customActivityId, space, cancellationToken);
        if (activity is null)
        {
            ModelState.AddModelError("", text["Catalogue.ActivityGone"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Codes are unique for all time, so an old link can never land a phone in someone else's session.
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = JoinCode.Generate();
            if (await db.Sessions.AnyAsync(s => s.JoinCode == code, cancellationToken))
            {
                continue;
            }

            // The session speaks the facilitator's language when the activity does; phones still read their own.
            var session = Session.Create(activity.In(System.Globalization.CultureInfo.CurrentUICulture.Name), code, anonymity, space.Space.Id, SpaceAccess.UserId(User), clock.GetUtcNow(), pacing, origin);
            db.Sessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Facilitate/Sessions/Run", new { id = session.Id });
        }

        ModelState.AddModelError("", text["Catalogue.NoFreeCode"]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// The activity to run and the version it is. A space's own activity fixes its current version on
    /// its first run (ADR-012), so the session and the version history agree on what ran.
    /// </summary>
    private async Task<(Activity? Activity, ActivityOrigin? Origin)> PickAsync(string activityId, Guid? customActivityId, CurrentSpace space, CancellationToken cancellationToken)
    {
        if (customActivityId is { } customId)
        {
            var custom = await db.CustomActivities.SingleOrDefaultAsync(a => a.Id == customId && a.SpaceId == space.Space.Id, cancellationToken);
            if (custom is null)
            {
                return (null, null);
            }

            if (custom.Use(clock.GetUtcNow()) is { } firstRun)
            {
                db.ActivityVersions.Add(firstRun);
            }

            return (custom.Definition, new ActivityOrigin(custom.Id, custom.Version));
        }

        var shipped = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        return shipped is null ? (null, null) : (shipped.Definition, new ActivityOrigin(null, shipped.Version));
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
