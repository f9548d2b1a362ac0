using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Spaces;

/// <summary>/invite/{token}: a colleague opens their invite link (after signing in or registering).</summary>
public sealed class AcceptModel(AppDbContext db, SpaceAccess access, TimeProvider clock, IStringLocalizer<AccountsText> text) : PageModel
{
    public Space? Space { get; private set; }

    public Invite? Invite { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Invite is null || Space is null || Problem is not null)
        {
            return Page();
        }

        var userId = SpaceAccess.UserId(User);
        var memberships = await db.SpaceMembers.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        try
        {
            if (Invite.Accept(userId, memberships, clock.GetUtcNow()) is { } member)
            {
                db.SpaceMembers.Add(member);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else accepted it between our read and our write; neither membership nor use was saved.
            Problem = text["Accept.Used"];
            return Page();
        }

        access.Choose(Space.Id);
        return Redirect("/facilitate");
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        var hash = InviteTokens.Hash(token ?? "");
        Invite = await db.Invites.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        Space = Invite is null ? null : await db.Spaces.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Invite.SpaceId, cancellationToken);
        var now = clock.GetUtcNow();
        Problem = Invite is null || Space is null
            ? text["Accept.NotValid"].Value
            : Invite.AcceptedAt is not null
                ? text["Accept.Used"].Value
                : Invite.IsExpired(now)
                    ? text["Accept.Expired", text["Dates.Day", Invite.ExpiresAt].Value].Value
                    : null;
        if (Invite is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
