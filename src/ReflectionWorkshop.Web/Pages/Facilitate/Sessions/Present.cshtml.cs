using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}/present: the projector. Join code and QR code in the lobby; during a step the
/// prompt, the timer, the answer count and, once revealed, the answers. Names never appear here.
/// </summary>
public sealed class PresentModel(AppDbContext db, SpaceAccess access, ThemeBoards boards, IConfiguration configuration, IStringLocalizer<FacilitationText> text) : PageModel
{
    public Session Session { get; private set; } = null!;

    public int Participants { get; private set; }

    /// <summary>The current step's answers, gathered; authors are left out when rendering.</summary>
    public PromptSummary? Current { get; private set; }

    public IReadOnlyList<(string Word, int Count)> Words { get; private set; } = [];

    /// <summary>Self-paced sessions: how many people are on each step.</summary>
    public IReadOnlyList<(string Step, int People)> Progress { get; private set; } = [];

    public JoinLinks Links { get; private set; } = null!;

    /// <summary>The current step's themes, once the facilitator has made some; shown instead of the raw answers.</summary>
    public BoardView? Board { get; private set; }

    public StepContext? Context { get; private set; }

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
            Words = WordCounts.Top(Current.Texts.Concat(Current.Left).Concat(Current.Right).Select(e => e.Text), 12, Session.Activity.Language);
            Context = await boards.ContextAsync(session, session.CurrentStep, cancellationToken);
            if (Current.Prompt.CanBeThemed && session.AnswersRevealed
                && await boards.ViewAsync(session, session.CurrentStep, cancellationToken) is { Ranked.Count: > 0 } board)
            {
                Board = board;
            }
        }

        Links = JoinLinks.For(session.JoinCode, Request, configuration, text);
        return Page();
    }
}
