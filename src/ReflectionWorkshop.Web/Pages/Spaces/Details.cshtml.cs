using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Pages.Spaces;

/// <summary>/spaces/{id}: who is in a space, and (for its facilitators) inviting colleagues.</summary>
public sealed class DetailsModel(AppDbContext db, SpaceAccess access, Retention retention, IAccountMailer mailer, IOptions<MailSettings> mail, TimeProvider clock, IConfiguration configuration, IStringLocalizer<AccountsText> text) : PageModel
{
    public sealed record Member(string Name, string Email, SpaceRole Role);

    public Space Space { get; private set; } = null!;

    public SpaceRole Role { get; private set; }

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Invite> OpenInvites { get; private set; } = [];

    /// <summary>Closed sessions the space's rule deletes within the week, soonest first.</summary>
    public IReadOnlyList<DeletionAhead> DeletionsAhead { get; private set; } = [];

    /// <summary>What a change of the keeping rule came to; carried over the redirect.</summary>
    [TempData]
    public string? KeepMessage { get; set; }

    /// <summary>The email typed for an invite, kept when it is refused.</summary>
    public string? InviteEmail { get; private set; }

    /// <summary>Whether the invite just made was mailed; carried over the redirect.</summary>
    [TempData]
    public string? InviteSent { get; set; }

    /// <summary>The link of an invite just made: shown once, because only its hash is stored.</summary>
    [TempData]
    public string? NewInviteLink { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await access.RoleInAsync(User, id, cancellationToken) is { } role ? await ShowAsync(id, role, cancellationToken) : NotFound();

    private async Task<IActionResult> ShowAsync(Guid id, SpaceRole role, CancellationToken cancellationToken)
    {
        Role = role;
        Space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        Members = (await db.SpaceMembers.AsNoTracking()
                .Where(m => m.SpaceId == id)
                .Join(db.Users.AsNoTracking(), m => m.UserId, u => u.Id, (m, u) => new Member(u.DisplayName, u.Email ?? "", m.Role))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
        DeletionsAhead = await retention.AheadAsync(Space, cancellationToken);
        if (role == SpaceRole.Facilitator)
        {
            var now = clock.GetUtcNow();
            OpenInvites = (await db.Invites.AsNoTracking().Where(i => i.SpaceId == id && i.AcceptedAt == null).ToListAsync(cancellationToken))
                .Where(i => !i.IsExpired(now))
                .OrderBy(i => i.ExpiresAt)
                .ToList();
        }

        return Page();
    }

    /// <summary>Makes an invite link; with an email, also mails it there (in the inviter's language).</summary>
    public async Task<IActionResult> OnPostInviteAsync(Guid id, SpaceRole role, string? email, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(User, id, cancellationToken) is not SpaceRole.Facilitator)
        {
            return NotFound();
        }

        InviteEmail = email?.Trim();
        if (InviteEmail is { Length: > 0 } && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(InviteEmail))
        {
            ModelState.AddModelError("email", text["Details.InviteEmailInvalid", InviteEmail]);
            return await ShowAsync(id, SpaceRole.Facilitator, cancellationToken);
        }

        var token = InviteTokens.New();
        db.Invites.Add(Invite.Create(id, role, SpaceAccess.UserId(User), InviteTokens.Hash(token), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        NewInviteLink = $"{PublicUrl.Base(Request, configuration)}/invite/{token}";
        if (InviteEmail is { Length: > 0 } to)
        {
            // A mailed link is built like a reset link: PublicBaseUrl (else the address the server listens on), never
            // the request's Host header (issue 22). The link shown on the page stays the one the inviter is using.
            var mailedLink = $"{PublicUrl.ForMessages(HttpContext, configuration)}/invite/{token}";
            var space = await db.Spaces.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).SingleAsync(cancellationToken);
            var inviter = User.FindFirstValue(AppClaimsFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "";
            await mailer.SendAsync(AccountEmails.Invite(text, to, mailedLink, CultureInfo.CurrentUICulture, inviter, space), mailedLink, cancellationToken);
            InviteSent = mail.Value.IsConfigured ? text["Details.InviteMailed", to] : text["Details.InviteNotMailed", to];
        }

        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid inviteId, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(User, id, cancellationToken) is not SpaceRole.Facilitator)
        {
            return NotFound();
        }

        await db.Invites.Where(i => i.Id == inviteId && i.SpaceId == id && i.AcceptedAt == null).ExecuteDeleteAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    /// <summary>A facilitator sets how long the space keeps closed sessions (days, or empty for forever).</summary>
    public async Task<IActionResult> OnPostKeepAsync(Guid id, string? days, CancellationToken cancellationToken)
    {
        if (await access.RoleInAsync(User, id, cancellationToken) is not SpaceRole.Facilitator)
        {
            return NotFound();
        }

        var space = await db.Spaces.SingleAsync(s => s.Id == id, cancellationToken);
        try
        {
            space.KeepClosedSessions(string.IsNullOrEmpty(days) ? null : int.TryParse(days, out var d) ? d : -1);
            await db.SaveChangesAsync(cancellationToken);
            KeepMessage = space.KeepClosedDays is { } kept ? text["Details.KeepSaved", kept] : text["Details.KeepSavedForever"];
        }
        catch (DomainException ex)
        {
            KeepMessage = ex.Message;
        }

        return RedirectToPage(new { id });
    }
}
