using System.ComponentModel.DataAnnotations;
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

/// <summary>/join: a participant types the code from the screen.</summary>
[EnableRateLimiting(RateLimits.Join)]
public sealed class IndexModel(Joining joining) : PageModel
{
    [BindProperty]
    [Display(Name = "Join.CodeLabel")]
    public string? Code { get; set; }

    public void OnGet(string? code) => Code = code;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var lookup = await joining.FindAsync(HttpContext, Code, cancellationToken);
        if (lookup.Problem is not null || lookup.Session is not { } session)
        {
            ModelState.AddModelError(nameof(Code), lookup.Problem ?? "");
            if (lookup.WaitFor is not null)
            {
                lookup.Describe(Response);
            }

            return Page();
        }

        if (await joining.CurrentAsync(Request, session, cancellationToken) is not null)
        {
            return Redirect($"/s/{session.JoinCode}");
        }

        // Anonymous rooms need nothing more from the phone: join straight away. Named ones ask for a name.
        if (session.Anonymity == Anonymity.Named)
        {
            return Redirect($"/j/{session.JoinCode}");
        }

        try
        {
            await joining.JoinAsync(Response, session, null, cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(Code), ex.Message);
            return Page();
        }

        return Redirect($"/s/{session.JoinCode}");
    }
}
