using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Catalog;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.ActivityAuthoring;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Activities;

/// <summary>
/// /facilitate/activities: the current space's own activities, and the ways to make one (from scratch,
/// as a copy of a shipped one, from a file).
/// </summary>
public sealed class IndexModel(AppDbContext db, SpaceAccess access, TimeProvider clock, IStringLocalizer<AuthoringText> T) : PageModel
{
    /// <summary>Activity files are small; anything far bigger is not one.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public CurrentSpace Space { get; private set; } = null!;

    public IReadOnlyList<CustomActivity> Own { get; private set; } = [];

    public IReadOnlyList<CatalogActivity> Shipped { get; private set; } = [];

    /// <summary>What was wrong with the file that was just refused, one line each, in the reader's language.</summary>
    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    public string? ImportError { get; private set; }

    public string? DuplicateError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : RedirectToPage("/Spaces/Index");

    public async Task<IActionResult> OnPostDuplicateAsync(string? shippedId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Space.IsFacilitator)
        {
            return NotFound();
        }

        var source = Shipped.FirstOrDefault(a => a.Id == shippedId);
        if (source is null)
        {
            DuplicateError = T["Index.DuplicateMissing"];
            return Page();
        }

        var title = T["Index.CopyTitle", source.Definition.Title].Value;
        var definition = source.Definition with { Title = title.Length <= ActivityRules.TitleMaxLength ? title : source.Definition.Title };
        var slug = await ActivitySlugs.FreeAsync(db, Space.Space.Id, ActivitySlugs.FromTitle(definition.Title), cancellationToken);
        var activity = CustomActivity.Create(Space.Space.Id, slug, definition, SpaceAccess.UserId(User), clock.GetUtcNow(), basedOn: source.Id);
        db.CustomActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Authoring"] = T["Index.Duplicated", source.Definition.Title].Value;
        return RedirectToPage("Edit", new { id = activity.Id });
    }

    /// <summary>Imports an activity file into the space. All or nothing: a file with any problem stores nothing and lists every problem with its line.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Space.IsFacilitator)
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ImportError = T["Index.ImportChooseFile"];
            return Refused();
        }

        if (file.Length > MaxFileBytes)
        {
            ImportError = T["Index.ImportTooBig", file.Length / 1024, MaxFileBytes / 1024];
            return Refused();
        }

        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                ImportError = T["Index.ImportNotText"];
                return Refused();
            }
        }

        var result = ActivityFileParser.Parse(text);
        if (result.Activity is not { } parsed)
        {
            ImportError = T["Index.ImportRefused", file.FileName];
            ImportProblems = result.Problems.Select(p => T["Index.ImportLine", p.Line, T[p.Code, [.. p.Args]]].Value).ToList();
            return Refused();
        }

        // Another installation's id may be taken here (by a shipped activity, or an earlier import): the copy gets the next free one.
        var slug = await ActivitySlugs.FreeAsync(db, Space.Space.Id, parsed.Id, cancellationToken);
        var activity = CustomActivity.Create(Space.Space.Id, slug, parsed, SpaceAccess.UserId(User), clock.GetUtcNow());
        db.CustomActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Authoring"] = T["Index.Imported", parsed.Title, parsed.Prompts.Count].Value;
        return RedirectToPage("Edit", new { id = activity.Id });
    }

    /// <summary>A file that is refused is a bad request (400): the page comes back with the reason.</summary>
    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await access.CurrentAsync(User, cancellationToken) is not { } space)
        {
            return false;
        }

        Space = space;
        var own = await db.CustomActivities.AsNoTracking().Where(a => a.SpaceId == space.Space.Id).ToListAsync(cancellationToken);
        Own = own.OrderBy(a => a.Definition.Title, StringComparer.CurrentCulture).ToList();
        var shipped = await db.Activities.AsNoTracking().ToListAsync(cancellationToken);
        Shipped = shipped.OrderBy(a => a.Definition.Title, StringComparer.CurrentCulture).ToList();
        return true;
    }
}
