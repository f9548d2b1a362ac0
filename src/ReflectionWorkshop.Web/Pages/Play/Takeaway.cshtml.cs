using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Pages.Play;

/// <summary>
/// /mine/{token}: a participant's own answers to keep (their three actions, say), at a private
/// address, with a small text file to download. Nobody else's answers, and no account.
/// </summary>
public sealed class TakeawayModel(AppDbContext db, TakeawayLinks links) : PageModel
{
    public Session Session { get; private set; } = null!;

    public IReadOnlyList<Response> Answers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTextAsync(string token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }

        var text = new StringBuilder();
        text.AppendLine(Session.Activity.In(CultureInfo.CurrentUICulture.Name).Title);
        if (Session.StartedAt is { } started)
        {
            text.AppendLine(started.ToString("D", CultureInfo.CurrentCulture));
        }

        foreach (var response in Answers)
        {
            var prompt = Session.PromptAt(response.Step, CultureInfo.CurrentUICulture.Name);
            text.AppendLine().Append(response.Step + 1).Append(". ").AppendLine(prompt.Title);
            foreach (var line in AnswerText.Lines(prompt, response))
            {
                text.AppendLine(line);
            }
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return File(bytes, "text/plain; charset=utf-8", ExportNames.For(Session, "txt"));
    }

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } participantId
            || await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == participantId && !p.IsRemoved, cancellationToken) is not { } participant)
        {
            return false;
        }

        Session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == participant.SessionId, cancellationToken);
        Answers = await db.Responses.AsNoTracking().Where(r => r.ParticipantId == participantId).OrderBy(r => r.Step).ToListAsync(cancellationToken);
        Response.Headers["X-Robots-Tag"] = "noindex";
        return true;
    }
}
