using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Spaces;

/// <summary>/spaces: the user's team spaces, which one they work in, and making a new one.</summary>
public sealed class IndexModel(AppDbContext db, SpaceAccess access, TimeProvider clock) : PageModel
{
    public sealed record Row(Space Space, SpaceRole Role, int Members);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Guid? CurrentId { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (space, creator) = Space.Create(Name ?? "", SpaceAccess.UserId(User), clock.GetUtcNow());
            db.Spaces.Add(space);
            db.SpaceMembers.Add(creator);
            await db.SaveChangesAsync(cancellationToken);
            access.Choose(space.Id);
            return RedirectToPage("Details", new { id = space.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Name), ex.Message);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostSwitchAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(User, id, cancellationToken) is null)
        {
            return NotFound();
        }

        access.Choose(id);
        return Redirect("/facilitate");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = SpaceAccess.UserId(User);
        var mine = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Spaces.AsNoTracking(), m => m.SpaceId, s => s.Id, (m, s) => new { s, m.Role })
            .ToListAsync(cancellationToken);
        var ids = mine.Select(m => m.s.Id).ToList();
        var counts = await db.SpaceMembers.Where(m => ids.Contains(m.SpaceId)).GroupBy(m => m.SpaceId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Rows = mine.OrderBy(m => m.s.Name, StringComparer.CurrentCulture).Select(m => new Row(m.s, m.Role, counts.GetValueOrDefault(m.s.Id))).ToList();
        CurrentId = (await access.CurrentAsync(User, cancellationToken))?.Space.Id;
    }
}
