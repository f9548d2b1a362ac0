using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Facilitation;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}: the facilitator's control page — join code, QR code, who joined, the
/// current step with its answers, and the buttons that move the room.
/// </summary>
public sealed class RunModel(AppDbContext db, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public Session Session { get; private set; } = null!;

    public IReadOnlyList<Participant> Participants { get; private set; } = [];

    /// <summary>Answers to the current step, oldest first.</summary>
    public IReadOnlyList<Response> Answers { get; private set; } = [];

    /// <summary>Where phones type the code: the address to read out to the room.</summary>
    public string JoinPageUrl { get; private set; } = "";

    /// <summary>The direct link behind the QR code.</summary>
    public string JoinUrl { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    /// <summary>The current step's answers gathered: totals for ratings and choices, both sides for compare.</summary>
    public PromptSummary? CurrentStep { get; private set; }

    public string? NameOf(Guid participantId) =>
        Session.Anonymity == Anonymity.Named ? Participants.FirstOrDefault(p => p.Id == participantId)?.DisplayName : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        Session = session;
        Participants = await db.Participants.AsNoTracking()
            .Where(p => p.SessionId == id)
            .OrderBy(p => p.JoinedAt)
            .ToListAsync(cancellationToken);
        if (session.State == SessionState.Running)
        {
            Answers = await db.Responses.AsNoTracking()
                .Where(r => r.SessionId == id && r.Step == session.CurrentStep)
                .OrderBy(r => r.SubmittedAt)
                .ToListAsync(cancellationToken);
            CurrentStep = SessionSummary.Build(session, Participants, Answers).Prompts[session.CurrentStep];
        }

        var baseUrl = configuration["PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{Request.Scheme}://{Request.Host}";
        JoinPageUrl = $"{baseUrl}/join";
        JoinUrl = $"{baseUrl}/j/{session.JoinCode}";
        QrSvg = QrCode.Svg(JoinUrl, $"QR code for {JoinUrl}");
        return Page();
    }

    /// <summary>What the page polls to know when to refresh itself: a change in any of these numbers.</summary>
    public async Task<IActionResult> OnGetStateAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        var participants = await db.Participants.CountAsync(p => p.SessionId == id, cancellationToken);
        var answers = await db.Responses.Where(r => r.SessionId == id && r.Step == session.CurrentStep).ToListAsync(cancellationToken);
        var latest = answers.Count == 0 ? 0 : answers.Max(r => r.UpdatedAt.ToUnixTimeMilliseconds());
        return new JsonResult(new { state = session.State.ToString(), step = session.CurrentStep, participants, answers = answers.Count, latest });
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.Start(clock.GetUtcNow()), cancellationToken);

    public Task<IActionResult> OnPostNextAsync(Guid id, int step, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.Advance(step), cancellationToken);

    public Task<IActionResult> OnPostBackAsync(Guid id, int step, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.GoBack(step), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, s => s.Close(clock.GetUtcNow()), cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, Action<Session> change, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return NotFound();
        }

        try
        {
            change(session);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
        }

        return session.State == SessionState.Closed && Message is null
            ? RedirectToPage("Summary", new { id })
            : RedirectToPage(new { id });
    }
}
