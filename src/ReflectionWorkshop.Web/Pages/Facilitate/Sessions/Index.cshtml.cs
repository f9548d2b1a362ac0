using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>/facilitate/sessions: the current space's sessions, newest first (coaches: running and closed ones).</summary>
public sealed class IndexModel(AppDbContext db, SpaceAccess access) : PageModel
{
    private const int Shown = 100;

    public sealed record Row(Session Session, int Participants);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public CurrentSpace Space { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            return RedirectToPage("/Spaces/Index");
        }

        Space = space;
        var coach = space.Role == SpaceRole.Coach;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.SpaceId == space.Space.Id && (!coach || s.State != SessionState.Lobby))
            .OrderByDescending(s => s.CreatedAt)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Participants
            .Where(p => ids.Contains(p.SessionId) && !p.IsRemoved)
            .GroupBy(p => p.SessionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = sessions.Select(s => new Row(s, counts.GetValueOrDefault(s.Id))).ToList();
        return Page();
    }
}
