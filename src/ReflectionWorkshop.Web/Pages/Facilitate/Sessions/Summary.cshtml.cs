using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>/facilitate/sessions/{id}/summary: every prompt with every answer, for reading and printing.</summary>
public sealed class SummaryModel(AppDbContext db) : PageModel
{
    public SessionSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        var participants = await db.Participants.AsNoTracking().Where(p => p.SessionId == id).ToListAsync(cancellationToken);
        var responses = await db.Responses.AsNoTracking().Where(r => r.SessionId == id).ToListAsync(cancellationToken);
        Summary = SessionSummary.Build(session, participants, responses);
        return Page();
    }
}
