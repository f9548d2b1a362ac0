using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Pages;

/// <summary>
/// /language: choose the language this device shows the app in. The form in every page's footer posts
/// here; the page itself lists the languages for anyone who follows the link.
/// </summary>
public sealed class LanguageModel(IStringLocalizer<SharedText> text) : PageModel
{
    [BindProperty]
    public string? Culture { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnPost()
    {
        if (WorkshopLanguages.Find(Culture) is not { } culture)
        {
            ModelState.AddModelError(nameof(Culture), text["Language.Unknown"]);
            return Page();
        }

        Response.RememberLanguage(culture.Name);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
