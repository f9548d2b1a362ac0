using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ReflectionWorkshop.Infrastructure.Identity;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>What the account pages share: where to go after signing in, and Identity's errors put next to the right field.</summary>
public static class AccountForms
{
    /// <summary>The return address when it is one of ours; anything else (another site, a malformed value) gives the fallback.</summary>
    public static string LocalOr(IUrlHelper url, string? returnUrl, string fallback) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    /// <summary>
    /// Runs Identity's password rules before anything is saved, so a weak password is reported together
    /// with every other mistake on the form rather than on a second try.
    /// </summary>
    public static async Task CheckPasswordAsync(UserManager<AppUser> users, AppUser user, string? password, ModelStateDictionary modelState, string key)
    {
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            AddErrors(modelState, result.Errors, passwordKey: key);
        }
    }

    /// <summary>
    /// Puts each Identity error next to the field it is about: password rules at <paramref name="passwordKey"/>,
    /// a taken or malformed address at <paramref name="emailKey"/>, the rest at the top of the form. The words
    /// are WorkshopIdentityErrors', already in the reader's language.
    /// </summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string passwordKey, string? emailKey = null, string? currentPasswordKey = null)
    {
        foreach (var error in errors)
        {
            var key = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) when currentPasswordKey is not null => currentPasswordKey,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordKey,
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) when emailKey is not null => emailKey,
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) when emailKey is not null => emailKey,
                _ => "",
            };

            // The user name is the email, so a taken address is reported twice by Identity; say it once.
            if (modelState[key]?.Errors.Any(e => e.ErrorMessage == error.Description) != true)
            {
                modelState.AddModelError(key, error.Description);
            }
        }
    }
}
