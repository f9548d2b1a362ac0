using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Spaces;

/// <summary>The space a signed-in user is working in, and their role there.</summary>
public sealed record CurrentSpace(Space Space, SpaceRole Role)
{
    public bool IsFacilitator => Role == SpaceRole.Facilitator;
}

/// <summary>A session together with the viewer's role in its space: the one place that says who may steer it.</summary>
public sealed record SessionAccess(Session Session, SpaceRole Role, string UserId)
{
    /// <summary>A facilitator of the space: edits its themes, summary and notes, deletes it.</summary>
    public bool CanSteer => Role == SpaceRole.Facilitator;

    /// <summary>The facilitator running the session: the only one whose buttons move the room.</summary>
    public bool Drives => CanSteer && Session.FacilitatorId == UserId;

    /// <summary>Another facilitator of the space, while the session is open: they may take the controls.</summary>
    public bool CanTakeOver => CanSteer && !Drives && Session.State != SessionState.Closed;
}

/// <summary>A space's own activity together with the viewer's role in its space.</summary>
public sealed record ActivityAccess(CustomActivity Activity, SpaceRole Role)
{
    /// <summary>Facilitators write and adapt their space's activities; coaches only read and export them.</summary>
    public bool CanEdit => Role == SpaceRole.Facilitator;
}

/// <summary>
/// Resource-based authorization for everything that belongs to a space. Every facilitator and coach
/// page goes through here; anything outside the viewer's spaces is reported as not found, so ids
/// cannot be probed.
/// </summary>
public sealed class SpaceAccess(AppDbContext db, IHttpContextAccessor http)
{
    public const string CurrentSpaceCookie = "rw-space";

    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Only signed-in users have spaces.");

    /// <summary>The space chosen with "Switch", else the oldest membership; null when the user has no space yet.</summary>
    public async Task<CurrentSpace?> CurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = UserId(user);
        var memberships = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Spaces.AsNoTracking(), m => m.SpaceId, s => s.Id, (m, s) => new { Member = m, Space = s })
            .ToListAsync(cancellationToken);
        if (memberships.Count == 0)
        {
            return null;
        }

        var chosen = Guid.TryParse(http.HttpContext?.Request.Cookies[CurrentSpaceCookie], out var id)
            ? memberships.FirstOrDefault(m => m.Space.Id == id)
            : null;
        chosen ??= memberships.OrderBy(m => m.Member.JoinedAt).First();
        return new CurrentSpace(chosen.Space, chosen.Member.Role);
    }

    public async Task<SpaceRole?> RoleInAsync(ClaimsPrincipal user, Guid spaceId, CancellationToken cancellationToken = default)
    {
        var userId = UserId(user);
        var member = await db.SpaceMembers.AsNoTracking().SingleOrDefaultAsync(m => m.SpaceId == spaceId && m.UserId == userId, cancellationToken);
        return member?.Role;
    }

    /// <summary>
    /// The session if the user may see it: facilitators of its space always, coaches once it is running
    /// (read-only) or closed. Null means "not found" to the caller, whatever the reason.
    /// </summary>
    public async Task<SessionAccess?> SessionAsync(ClaimsPrincipal user, Guid sessionId, bool tracked = false, CancellationToken cancellationToken = default)
    {
        var query = tracked ? db.Sessions : db.Sessions.AsNoTracking();
        var session = await query.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || await RoleInAsync(user, session.SpaceId, cancellationToken) is not { } role)
        {
            return null;
        }

        return role == SpaceRole.Coach && session.State == SessionState.Lobby ? null : new SessionAccess(session, role, UserId(user));
    }

    /// <summary>A space's own activity if the user is a member of that space; null ("not found") otherwise.</summary>
    public async Task<ActivityAccess?> CustomActivityAsync(ClaimsPrincipal user, Guid activityId, bool tracked = false, CancellationToken cancellationToken = default)
    {
        var query = tracked ? db.CustomActivities : db.CustomActivities.AsNoTracking();
        var activity = await query.SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        return activity is not null && await RoleInAsync(user, activity.SpaceId, cancellationToken) is { } role
            ? new ActivityAccess(activity, role)
            : null;
    }

    public void Choose(Guid spaceId) =>
        http.HttpContext?.Response.Cookies.Append(CurrentSpaceCookie, spaceId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
}
