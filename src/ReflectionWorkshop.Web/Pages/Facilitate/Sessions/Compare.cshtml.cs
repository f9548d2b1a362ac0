using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/compare?ids=…: two or more runs of the same activity side by side — each rating
/// item's mean per run and its change from the first run (the trust check in the fall and the
/// spring), and each themed step's top themes per run. Exportable as CSV, in the sessions' language.
/// </summary>
public sealed class CompareModel(AppDbContext db, SpaceAccess access, IStringLocalizer<ReviewText> text) : PageModel
{
    private const int MaxRuns = 8;
    private const int TopThemes = 3;

    public sealed record RatingRow(int Step, string Prompt, string Item, IReadOnlyList<string> Scale, IReadOnlyList<(double? Mean, int Answers, bool Withheld)> Runs)
    {
        /// <summary>
        /// The last run's mean minus the first's, both rounded to one decimal as they are shown, so the
        /// change always agrees with the two numbers beside it.
        /// </summary>
        public double? Change => Runs[0].Mean is { } first && Runs[^1].Mean is { } last ? Math.Round(last, 1) - Math.Round(first, 1) : null;
    }

    public sealed record ThemeRow(int Step, string Prompt, IReadOnlyList<IReadOnlyList<(string Theme, int Count)>> Runs);

    public IReadOnlyList<SessionReport> Runs { get; private set; } = [];

    public IReadOnlyList<RatingRow> Ratings { get; private set; } = [];

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    /// <summary>Why nothing can be compared, in words; null when the comparison is shown.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] List<Guid> ids, CancellationToken cancellationToken) =>
        await LoadAsync(ids, cancellationToken) is { } result ? result : Page();

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] List<Guid> ids, CancellationToken cancellationToken)
    {
        if (await LoadAsync(ids, cancellationToken) is { } result)
        {
            return result;
        }

        if (Problem is not null)
        {
            return Page();
        }

        // Like every export, the file speaks the language of the sessions (one activity, so one language).
        var (bytes, name) = ReportLanguage.In(Runs[0].Session, () => (Csv(), Reports["Csv.ComparedFileName", Runs[0].Session.Activity.Id].Value));
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    private static IStringLocalizer<ReportsText> Reports => ReportLanguage.Text;

    private byte[] Csv()
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        // Numbers stay numbers (a negative change is not a formula); every text cell is neutralised instead.
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)))
        {
            foreach (var heading in (string[])[Reports["Csv.Step"], Reports["Csv.Prompt"], Reports["Csv.Item"], .. Runs.Select(run => Reports["Csv.RunLabel", RunDate(run), run.Session.JoinCode].Value), Reports["Csv.Change"]])
            {
                csv.WriteField(SpreadsheetText.Neutralise(heading));
            }

            csv.NextRecord();
            foreach (var row in Ratings)
            {
                csv.WriteField(row.Step + 1);
                csv.WriteField(SpreadsheetText.Neutralise(row.Prompt));
                csv.WriteField(SpreadsheetText.Neutralise(row.Item));
                foreach (var run in row.Runs)
                {
                    csv.WriteField(run.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
                }

                csv.WriteField(row.Change?.ToString("0.0", CultureInfo.InvariantCulture) ?? "");
                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    /// <summary>A run's column heading: its date in the viewer's language, and its code.</summary>
    public string Label(SessionReport run) => text["Compare.RunLabel", RunDate(run), run.Session.JoinCode];

    private static DateTime RunDate(SessionReport run) => (run.Session.StartedAt ?? run.Session.CreatedAt).UtcDateTime;

    private async Task<IActionResult?> LoadAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            return RedirectToPage("/Spaces/Index");
        }

        var distinct = ids.Distinct().Take(MaxRuns + 1).ToList();
        if (distinct.Count < 2 || distinct.Count > MaxRuns)
        {
            Problem = distinct.Count < 2 ? text["Compare.TooFew"] : text["Compare.TooMany", MaxRuns];
            return null;
        }

        // Only sessions of the viewer's current space; anything else is simply not there.
        var sessions = await db.Sessions.AsNoTracking().Where(s => distinct.Contains(s.Id) && s.SpaceId == space.Space.Id).ToListAsync(cancellationToken);
        if (sessions.Count != distinct.Count)
        {
            return NotFound();
        }

        if (sessions.Select(s => s.Activity.Id).Distinct().Count() > 1)
        {
            Problem = text["Compare.Different"];
            return null;
        }

        var runs = new List<SessionReport>();
        foreach (var session in sessions.OrderBy(s => s.StartedAt ?? s.CreatedAt))
        {
            runs.Add(await SessionReport.LoadAsync(db, session, cancellationToken));
        }

        Runs = runs;
        var first = runs[0].Summary.Prompts;
        Ratings = first
            .Where(p => p.Prompt.Kind == PromptKind.Rating)
            .SelectMany(p => p.Prompt.Items.Select(item => new RatingRow(
                p.Number - 1,
                p.Prompt.Title,
                item,
                p.Prompt.Scale,
                runs.Select(run => Tally(run, p.Number - 1, p.Prompt.Title, item)).ToList())))
            .ToList();
        Themes = first
            .Where(p => p.Prompt.CanBeThemed)
            .Select(p => new ThemeRow(
                p.Number - 1,
                p.Prompt.Title,
                runs.Select(run => (IReadOnlyList<(string, int)>)(run.Boards.GetValueOrDefault(p.Number - 1)?.Ranked.Take(TopThemes).Select(t => (t.Theme.Name, t.Count)).ToList() ?? [])).ToList()))
            .Where(t => t.Runs.Any(r => r.Count > 0))
            .ToList();
        return null;
    }

    /// <summary>A rated item in one run, found by its step's title (a later version of the activity may have moved it).</summary>
    private static (double? Mean, int Answers, bool Withheld) Tally(SessionReport run, int step, string title, string item)
    {
        var part = run.Summary.Prompts.FirstOrDefault(p => p.Number - 1 == step && p.Prompt.Title == title)
            ?? run.Summary.Prompts.FirstOrDefault(p => p.Prompt.Kind == PromptKind.Rating && p.Prompt.Title == title);
        if (part is null)
        {
            return (null, 0, false);
        }

        var tally = part.Ratings.FirstOrDefault(r => r.Item == item);
        return (tally?.Mean, part.Responses, part.RatingsWithheld);
    }
}
