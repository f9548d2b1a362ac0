using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ReflectionWorkshop.Infrastructure.Identity;

namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>What the account pages share: where to go after signing in, and Identity's errors put next to the right field in plain words.</summary>
public static class AccountForms
{
    public const string DuplicateEmail = "An account with this email already exists. Sign in instead, or reset your password.";
    public const string InvalidEmail = "Enter an email address like name@example.com.";
    public const string WrongCurrentPassword = "That isn't your current password.";
    public const string InvalidResetLink = "This reset link is no longer valid. Ask for a new one.";

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
            AddErrors(users, modelState, result.Errors, passwordKey: key);
        }
    }

    /// <summary>
    /// Puts each Identity error next to the field it is about: password rules at <paramref name="passwordKey"/>,
    /// a taken or malformed address at <paramref name="emailKey"/>, the rest at the top of the form.
    /// </summary>
    public static void AddErrors(UserManager<AppUser> users, ModelStateDictionary modelState, IEnumerable<IdentityError> errors, string passwordKey, string? emailKey = null, string? currentPasswordKey = null)
    {
        foreach (var error in errors)
        {
            var (key, message) = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordMismatch) when currentPasswordKey is not null => (currentPasswordKey, WrongCurrentPassword),
                nameof(IdentityErrorDescriber.InvalidToken) => ("", InvalidResetLink),
                nameof(IdentityErrorDescriber.PasswordTooShort) =>
                    (passwordKey, $"Use at least {users.Options.Password.RequiredLength} characters. A short sentence you will remember works well."),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => (passwordKey, error.Description),
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) when emailKey is not null => (emailKey, DuplicateEmail),
                nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) when emailKey is not null => (emailKey, InvalidEmail),
                _ => ("", error.Description),
            };

            // The user name is the email, so a taken address is reported twice by Identity; say it once.
            if (modelState[key]?.Errors.Any(e => e.ErrorMessage == message) != true)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
