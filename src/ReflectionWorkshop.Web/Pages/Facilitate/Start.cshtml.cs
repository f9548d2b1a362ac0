using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate;

/// <summary>
/// /facilitate/start?activityId=…: the page that starts a session of one activity. The settings that hold for the whole
/// session (anonymous or named, facilitated or self-paced) are chosen here, once, with the usual choice already made
/// (anonymous, facilitated), instead of on every card of the catalogue (issue 19).
/// </summary>
public sealed class StartModel(AppDbContext db, SpaceAccess access, TimeProvider clock, IStringLocalizer<FacilitationText> text) : PageModel
{

    [BindProperty(SupportsGet = true)]
    public string? ActivityId { get; set; }

    /// <summary>One of the space's own activities; its definition's id alone could match a shipped one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CustomActivityId { get; set; }

    [BindProperty]
    public Anonymity Anonymity { get; set; } = Anonymity.Anonymous;

    [BindProperty]
    public Pacing Pacing { get; set; } = Pacing.Facilitated;

    /// <summary>The activity as the facilitator reads it; null when it is not (or no longer) in the catalogue.</summary>
    public Activity? Activity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            return RedirectToPage("/Spaces/Index");
        }

        if (!space.IsFacilitator)
        {
            return NotFound();
        }

        Activity = (await FindAsync(space, cancellationToken))?.In(CultureInfo.CurrentUICulture.Name);
        if (Activity is null)
        {
            ModelState.AddModelError("", text["Catalogue.ActivityGone"]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { IsFacilitator: true } space)
        {
            return NotFound();
        }

        var (activity, origin) = await PickAsync(space, cancellationToken);
        if (activity is null)
        {
            ModelState.AddModelError("", text["Catalogue.ActivityGone"]);
            return Page();
        }

        if (await FreeJoinCodes.FindAsync(db, cancellationToken) is not { } code)
        {
            Activity = activity.In(CultureInfo.CurrentUICulture.Name);
            ModelState.AddModelError("", text["Catalogue.NoFreeCode"]);
            return Page();
        }

        // The session speaks the facilitator's language when the activity does; phones still read their own.
        var session = Session.Create(activity.In(CultureInfo.CurrentUICulture.Name), code, Anonymity, space.Space.Id, SpaceAccess.UserId(User), clock.GetUtcNow(), Pacing, origin);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/Facilitate/Sessions/Run", new { id = session.Id });
    }

    private async Task<Activity?> FindAsync(CurrentSpace space, CancellationToken cancellationToken)
    {
        if (CustomActivityId is { } customId)
        {
            return (await db.CustomActivities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == customId && a.SpaceId == space.Space.Id, cancellationToken))?.Definition;
        }

        return (await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActivityId, cancellationToken))?.Definition;
    }

    /// <summary>
    /// The activity to run and the version it is. A space's own activity fixes its current version on
    /// its first run (ADR-012), so the session and the version history agree on what ran.
    /// </summary>
    private async Task<(Activity? Activity, ActivityOrigin? Origin)> PickAsync(CurrentSpace space, CancellationToken cancellationToken)
    {
        if (CustomActivityId is { } customId)
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

        var shipped = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActivityId, cancellationToken);
        return shipped is null ? (null, null) : (shipped.Definition, new ActivityOrigin(null, shipped.Version));
    }
}
