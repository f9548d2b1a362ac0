using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}/present: the projector. Join code and QR code in the lobby; during a step the
/// prompt, the timer, the answer count and, once revealed, the answers. Names never appear here.
/// </summary>
public sealed class PresentModel(AppDbContext db, SpaceAccess access, IConfiguration configuration) : PageModel
{
    public Session Session { get; private set; } = null!;

    public int Participants { get; private set; }

    /// <summary>The current step's answers, gathered; authors are left out when rendering.</summary>
    public PromptSummary? Current { get; private set; }

    public IReadOnlyList<(string Word, int Count)> Words { get; private set; } = [];

    /// <summary>Self-paced sessions: how many people are on each step.</summary>
    public IReadOnlyList<(string Step, int People)> Progress { get; private set; } = [];

    public JoinLinks Links { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { Session: var session })
        {
            return NotFound();
        }

        Session = session;
        var participants = await db.Participants.AsNoTracking().Where(p => p.SessionId == id && !p.IsRemoved).ToListAsync(cancellationToken);
        Participants = participants.Count;
        if (session.State == SessionState.Running && session.IsSelfPaced)
        {
            Progress = session.Activity.Prompts
                .Select((prompt, step) => ($"{step + 1}. {prompt.Title}", participants.Count(p => p.Step == step)))
                .ToList();
        }
        else if (session.State == SessionState.Running)
        {
            var responses = await db.Responses.AsNoTracking().Where(r => r.SessionId == id && r.Step == session.CurrentStep).ToListAsync(cancellationToken);
            Current = SessionSummary.Build(session, participants, responses).Prompts[session.CurrentStep];
            Words = WordFrequency.Top(Current.Texts.Concat(Current.Left).Concat(Current.Right).Select(e => e.Text), 12);
        }

        Links = JoinLinks.For(session.JoinCode, Request, configuration);
        return Page();
    }
}
