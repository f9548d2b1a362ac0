using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages.Join;

/// <summary>/j/{code}: the link behind the QR code. Confirms the session and, in named sessions, asks for a name.</summary>
[EnableRateLimiting(RateLimits.Join)]
public sealed class CodeModel(Joining joining) : PageModel
{
    public Session? Session { get; private set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (Session is null || Problem is not null)
        {
            return Page();
        }

        try
        {
            await joining.JoinAsync(Response, Session, DisplayName, cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(DisplayName), ex.Message);
            return Page();
        }

        return Redirect($"/s/{Session.JoinCode}");
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var lookup = await joining.FindAsync(HttpContext, code, cancellationToken);
        Session = lookup.Session;
        Problem = lookup.Problem;
        if (Problem is not null)
        {
            lookup.Describe(Response);
            return null;
        }

        // The same phone coming back (a reload, a second scan of the QR code) resumes where it was.
        return Session is not null && await joining.CurrentAsync(Request, Session, cancellationToken) is not null
            ? Redirect($"/s/{Session.JoinCode}")
            : null;
    }
}
