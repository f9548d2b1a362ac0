using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>/facilitate/sessions: the current space's sessions, newest first (coaches: running and closed ones).</summary>
public sealed class IndexModel(AppDbContext db, SpaceAccess access, TimeProvider clock) : PageModel
{
    private const int CodeAttempts = 20;

    private const int Shown = 100;

    public sealed record Row(Session Session, int Participants);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public CurrentSpace Space { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : RedirectToPage("/Spaces/Index");

    /// <summary>
    /// Imports a session exported as JSON (from this or another installation) into the current space,
    /// as a closed session. All or nothing: a file with any problem stores nothing and says what is wrong.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? archive, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return RedirectToPage("/Spaces/Index");
        }

        if (!Space.IsFacilitator)
        {
            return NotFound();
        }

        try
        {
            if (archive is null || archive.Length == 0)
            {
                throw new DomainException("Choose the .json file of an exported session first.");
            }

            if (archive.Length > SessionArchive.MaxBytes)
            {
                throw new DomainException($"This file is {archive.Length / 1024 / 1024:N0} MB; a session export is at most {SessionArchive.MaxBytes / 1024 / 1024} MB.");
            }

            await using var stream = archive.OpenReadStream();
            var read = SessionArchive.Read(stream);
            var code = JoinCode.Normalize(read.JoinCode) is { } kept && !await db.Sessions.AnyAsync(s => s.JoinCode == kept, cancellationToken)
                ? kept
                : await FreeCodeAsync(cancellationToken);
            var (session, participants, responses, boards) = read.Restore(code, Space.Space.Id, SpaceAccess.UserId(User), clock.GetUtcNow());
            db.Sessions.Add(session);
            db.Participants.AddRange(participants);
            db.Responses.AddRange(responses);
            db.ThemeBoards.AddRange(boards);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Imported"] = $"“{session.Activity.Title}” was imported with {participants.Count} {(participants.Count == 1 ? "participant" : "participants")} and {responses.Count} {(responses.Count == 1 ? "answer" : "answers")}.";
            return RedirectToPage("Summary", new { id = session.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("archive", ex.Message);
            return Page();
        }
    }

    private async Task<string> FreeCodeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < CodeAttempts; attempt++)
        {
            var code = JoinCode.Generate(Random.Shared);
            if (!await db.Sessions.AnyAsync(s => s.JoinCode == code, cancellationToken))
            {
                return code;
            }
        }

        throw new DomainException("Could not find a free join code for the imported session; please try again.");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            return false;
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
        return true;
    }
}
