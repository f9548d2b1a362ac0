using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>/facilitate/sessions: the sessions run on this installation, newest first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    private const int Shown = 100;

    public sealed record Row(Session Session, int Participants);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .OrderByDescending(s => s.CreatedAt)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Participants
            .Where(p => ids.Contains(p.SessionId))
            .GroupBy(p => p.SessionId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = sessions.Select(s => new Row(s, counts.GetValueOrDefault(s.Id))).ToList();
    }
}
