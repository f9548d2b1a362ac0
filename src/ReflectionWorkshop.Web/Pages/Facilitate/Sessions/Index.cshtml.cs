using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>/facilitate/sessions: the current space's sessions, newest first (coaches: running and closed ones).</summary>
public sealed class IndexModel(AppDbContext db, SpaceAccess access, TimeProvider clock, IStringLocalizer<FacilitationText> text) : PageModel
{

    private const int Shown = 100;

    /// <summary>How many of the newest sessions the filters look through.</summary>
    private const int Scanned = 2000;

    public sealed record Row(Session Session, int Participants);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public CurrentSpace Space { get; private set; } = null!;

    /// <summary>Filter: only runs of this activity (its id).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Activity { get; set; }

    /// <summary>Filter: sessions created on or after this day (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Filter: sessions created on or before this day (UTC).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Every activity the space has run, for the filter: (id, title).</summary>
    public IReadOnlyList<(string Id, string Title)> ActivitiesRun { get; private set; } = [];

    public bool Filtered => Activity is { Length: > 0 } || From is not null || To is not null;

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
                throw new DomainException(text["Sessions.ImportChooseFile"]);
            }

            if (archive.Length > SessionArchive.MaxBytes)
            {
                throw new DomainException(text["Sessions.ImportTooLarge", archive.Length / 1024 / 1024, SessionArchive.MaxBytes / 1024 / 1024]);
            }

            await using var stream = archive.OpenReadStream();
            var read = SessionArchive.Read(stream);
            var code = JoinCode.Normalize(read.JoinCode) is { } kept && !await db.Sessions.AnyAsync(s => s.JoinCode == kept, cancellationToken)
                ? kept
                : await FreeJoinCodes.FindAsync(db, cancellationToken) ?? throw new DomainException(text["Sessions.ImportNoCode"]);
            var (session, participants, responses, boards) = read.Restore(code, Space.Space.Id, SpaceAccess.UserId(User), clock.GetUtcNow());
            db.Sessions.Add(session);
            db.Participants.AddRange(participants);
            db.Responses.AddRange(responses);
            db.ThemeBoards.AddRange(boards);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Imported"] = text[
                "Sessions.Imported",
                session.Activity.Title,
                participants.Count == 1 ? text["Sessions.OneParticipant"] : text["Sessions.Participants", participants.Count],
                responses.Count == 1 ? text["Sessions.OneAnswer"] : text["Sessions.Answers", responses.Count]].Value;
            return RedirectToPage("Summary", new { id = session.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("archive", ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            return false;
        }

        Space = space;
        var coach = space.Role == SpaceRole.Coach;
        var all = await db.Sessions.AsNoTracking()
            .Where(s => s.SpaceId == space.Space.Id && (!coach || s.State != SessionState.Lobby))
            .OrderByDescending(s => s.CreatedAt)
            .Take(Scanned)
            .ToListAsync(cancellationToken);
        ActivitiesRun = all.Select(s => (s.Activity.Id, s.Activity.Title)).DistinctBy(a => a.Id).OrderBy(a => a.Title, StringComparer.CurrentCulture).ToList();

        // The activity is part of each session's snapshot (JSON), so filters apply after reading.
        var from = From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = To?.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var sessions = all
            .Where(s => Activity is not { Length: > 0 } || s.Activity.Id == Activity)
            .Where(s => from is null || s.CreatedAt >= from)
            .Where(s => to is null || s.CreatedAt <= to)
            .Take(Shown)
            .ToList();
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
