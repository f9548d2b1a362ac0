using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}/summary: the report a coach takes home, organised by theme, with the
/// facilitator's notes, a print view and the exports. Facilitators of the space add notes; coaches read.
/// The page speaks the viewer's language; the exports speak the session's (see <see cref="ReportLanguage"/>).
/// </summary>
public sealed class SummaryModel(AppDbContext db, SpaceAccess access, IStringLocalizer<ReviewText> text) : PageModel
{
    public SessionReport Report { get; private set; } = null!;

    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public bool CanEdit { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>A refused note, kept so the field shows what was typed: (step, text).</summary>
    public (int Step, string Typed)? RefusedNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The summary as a Markdown file: the very text the page renders.</summary>
    public async Task<IActionResult> OnGetMarkdownAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SummaryMarkdown.Document(Report))).ToArray();
        return File(bytes, "text/markdown; charset=utf-8", ExportNames.For(Report.Session, "md"));
    }

    /// <summary>The summary as a Word document, made from the same Markdown.</summary>
    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
            ? File(SummaryDocx.Write(SummaryMarkdown.Document(Report), Report.Session.Activity.Title, ReportLanguage.Of(Report.Session)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ExportNames.For(Report.Session, "docx"))
            : NotFound();

    /// <summary>Every response item as CSV for a spreadsheet; <paramref name="times"/> false leaves the answer times out.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid id, bool times = true, CancellationToken cancellationToken = default) =>
        await LoadAsync(id, cancellationToken)
            ? File(ResponsesCsv.Write(Report, times), "text/csv; charset=utf-8", ExportNames.For(Report.Session, "csv", times ? null : ExportNames.WithoutTimes))
            : NotFound();

    /// <summary>The whole session as JSON, which another installation can import; <paramref name="times"/> false blurs every answer time to the session's start.</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, bool times = true, CancellationToken cancellationToken = default) =>
        await LoadAsync(id, cancellationToken)
            ? File(
                (times ? SessionArchive.From(Report) : ArchiveWithoutTimes.From(SessionArchive.From(Report))).ToJson(),
                "application/json",
                ExportNames.For(Report.Session, "json", times ? null : ExportNames.WithoutTimes))
            : NotFound();

    /// <summary>Saves the facilitator's note on one step (Markdown; an empty note removes it).</summary>
    public async Task<IActionResult> OnPostNoteAsync(Guid id, int step, string? note, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return NotFound();
        }

        try
        {
            session.SetNote(step, note);
            await db.SaveChangesAsync(cancellationToken);
            Message = string.IsNullOrWhiteSpace(note) ? text["Summary.NoteRemoved", step + 1] : text["Summary.NoteSaved", step + 1];
            return Redirect($"/facilitate/sessions/{id}/summary#step-{step + 1}");
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError($"note-{step}", ex.Message);
            RefusedNote = (step, note ?? "");
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { } found)
        {
            return false;
        }

        CanEdit = found.CanSteer;
        Report = await SessionReport.LoadAsync(db, found.Session, cancellationToken);
        Sections = SummaryMarkdown.Sections(Report);
        return true;
    }
}
