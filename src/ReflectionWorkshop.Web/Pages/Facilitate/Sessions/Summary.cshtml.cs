using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>/facilitate/sessions/{id}/summary: every prompt with every answer, for reading and printing.</summary>
public sealed class SummaryModel(AppDbContext db, SpaceAccess access) : PageModel
{
    public SessionSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { Session: var session })
        {
            return NotFound();
        }

        var participants = await db.Participants.AsNoTracking().Where(p => p.SessionId == id && !p.IsRemoved).ToListAsync(cancellationToken);
        var responses = await db.Responses.AsNoTracking().Where(r => r.SessionId == id).ToListAsync(cancellationToken);
        Summary = SessionSummary.Build(session, participants, responses);
        return Page();
    }
}
