using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.ActivityAuthoring;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Activities;

/// <summary>
/// /facilitate/activities/edit/{id?}: the activity editor, for a space's facilitators. The whole activity
/// is one form: adding, moving and removing steps redraw it with everything typed kept; only Save checks
/// the rules and stores it, so the database never holds an activity that could not run or export.
/// </summary>
public sealed class EditModel(AppDbContext db, SpaceAccess access, TimeProvider clock, IStringLocalizer<AuthoringText> T) : PageModel
{
    /// <summary>The id a new activity is checked under; it gets its real one from its title when saved.</summary>
    private const string DraftId = "new-activity";

    [BindProperty]
    public ActivityDraft Input { get; set; } = new();

    /// <summary>The kind of step "Add a step" adds.</summary>
    [BindProperty]
    public PromptKind AddKind { get; set; } = PromptKind.Text;

    public CustomActivity? Existing { get; private set; }

    public IReadOnlyList<ActivityProblem> Problems { get; private set; } = [];

    /// <summary>A message for the whole form: the draft has unsaved changes, or someone else saved first.</summary>
    public string? Notice { get; private set; }

    public bool Stale { get; private set; }

    /// <summary>The draft as an activity, for the previews; read leniently, whatever is wrong with it.</summary>
    public Activity Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } existing)
        {
            Input = ActivityDraft.From(existing.Definition, existing.UpdatedAt.UtcTicks);
        }
        else
        {
            Input = new ActivityDraft { Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "es" ? "es" : "en" };
            Input.Add(PromptKind.Text);
        }

        return Show();
    }

    /// <summary>The activity as its Markdown file, the same format as seed-content/ (any member of the space may take it).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.CustomActivityAsync(User, id, cancellationToken: cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var definition = found.Activity.Definition;
        return File(Encoding.UTF8.GetBytes(ActivityFileWriter.Write(definition)), "text/markdown; charset=utf-8", ActivityFileWriter.FileName(definition));
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? command, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: true, cancellationToken))
        {
            return NotFound();
        }

        var (verb, step) = ParseCommand(command);
        switch (verb)
        {
            case "add":
                Input.Add(AddKind);
                Notice = T["Editor.StepAdded", Input.Steps.Count];
                return Show();
            case "up" or "down":
                Input.Move(step, verb == "up" ? -1 : 1);
                Notice = T["Editor.Unsaved"];
                return Show();
            case "remove":
                Input.Remove(step);
                Notice = T["Editor.StepRemoved", step + 1];
                return Show();
            case "check":
                Problems = Input.Check(Existing?.Slug ?? DraftId).Problems;
                Notice = Problems.Count == 0 ? T["Editor.CheckedFine"].Value : null;
                return Show();
        }

        return await SaveAsync(cancellationToken);
    }

    /// <summary>The phone view of one step of the draft, for the live preview (editor.js).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid? id, int previewStep, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, tracked: false, cancellationToken))
        {
            return NotFound();
        }

        var activity = Input.Read(Existing?.Slug ?? DraftId).Activity;
        return previewStep >= 0 && previewStep < activity.Prompts.Count
            ? Partial("_PhonePreview", PhonePreview.Of(activity, previewStep))
            : NotFound();
    }

    private async Task<IActionResult> SaveAsync(CancellationToken cancellationToken)
    {
        var (activity, problems) = Input.Check(Existing?.Slug ?? DraftId);
        if (problems.Count > 0)
        {
            Problems = problems;
            return Show();
        }

        var userId = SpaceAccess.UserId(User);
        var now = clock.GetUtcNow();
        if (Existing is { } existing)
        {
            if (Input.Stamp != existing.UpdatedAt.UtcTicks)
            {
                return ShowStale();
            }

            // The editor writes one language; the file's other languages stay while the steps keep their shape.
            var kept = activity.KeepingTranslationsOf(existing.Definition);
            var dropped = existing.Definition.Languages.Except(kept.Languages).ToList();
            var changed = existing.Edit(kept, userId, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ShowStale();
            }

            TempData["Authoring"] = (changed ? T["Editor.Saved", existing.Version].Value : T["Editor.NothingChanged"].Value)
                + (dropped.Count > 0 ? " " + T["Editor.TranslationsDropped", string.Join(", ", dropped)].Value : "");
            return RedirectToPage("Edit", new { id = existing.Id });
        }

        var space = (await access.CurrentAsync(User, cancellationToken))!;
        var slug = await ActivitySlugs.FreeAsync(db, space.Space.Id, ActivitySlugs.FromTitle(activity.Title), cancellationToken);
        var created = CustomActivity.Create(space.Space.Id, slug, activity, userId, now);
        db.CustomActivities.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Authoring"] = T["Editor.Created"].Value;
        return RedirectToPage("Edit", new { id = created.Id });
    }

    private IActionResult ShowStale()
    {
        Stale = true;
        Notice = T["Editor.Stale"];
        return Show();
    }

    private PageResult Show()
    {
        Preview = Input.Read(Existing?.Slug ?? DraftId).Activity;
        return Page();
    }

    /// <summary>"add", "check", "save", or "up:3", "down:3", "remove:3" with a zero-based step.</summary>
    private static (string Verb, int Step) ParseCommand(string? command)
    {
        var parts = (command ?? "save").Split(':', 2);
        var step = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
        return (parts[0], step);
    }

    /// <summary>
    /// Only a facilitator of the activity's space gets here; anyone else (another space, a coach) is told
    /// "not found", as everywhere else (SpaceAccess). A new activity goes to the current space.
    /// </summary>
    private async Task<bool> LoadAsync(Guid? id, bool tracked, CancellationToken cancellationToken)
    {
        if (id is { } activityId)
        {
            if (await access.CustomActivityAsync(User, activityId, tracked, cancellationToken) is not { CanEdit: true } found)
            {
                return false;
            }

            Existing = found.Activity;
            return true;
        }

        return await access.CurrentAsync(User, cancellationToken) is { IsFacilitator: true };
    }
}
