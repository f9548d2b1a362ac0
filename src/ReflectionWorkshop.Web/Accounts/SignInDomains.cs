using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>
/// The administrator's list of email domains single sign-on admits (/admin). Empty: any. A domain matches exactly
/// (<c>district.example</c> admits <c>ana@district.example</c>, not <c>ana@mail.district.example</c>: list each one).
/// Accounts with a password are not affected.
/// </summary>
public static partial class SignInDomains
{
    public static async Task<IReadOnlyList<string>> ReadAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        (await db.SignInDomains.AsNoTracking().Select(d => d.Domain).ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether a sign-in from <paramref name="domain"/> may go on: always when the list is empty.</summary>
    public static bool Admits(IReadOnlyList<string> allowed, string? domain) =>
        allowed.Count == 0 || (domain is not null && allowed.Contains(domain, StringComparer.Ordinal));

    /// <summary>
    /// Reads what the administrator typed (one domain a line, or separated by commas or spaces; a leading @ is
    /// dropped) into the list to keep, and the entries that are no domain.
    /// </summary>
    public static (List<string> Domains, List<string> Invalid) Parse(string? typed)
    {
        var domains = new List<string>();
        var invalid = new List<string>();
        foreach (var entry in (typed ?? "").Split([',', ';', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = Normalize(entry);
            if (domain is null)
            {
                invalid.Add(entry);
            }
            else if (!domains.Contains(domain, StringComparer.Ordinal))
            {
                domains.Add(domain);
            }
        }

        return (domains, invalid);
    }

    /// <summary>The domain in lower case (international names in their ASCII form), or null when it is none.</summary>
    public static string? Normalize(string entry)
    {
        var trimmed = entry.Trim().TrimStart('@').TrimEnd('.');
        if (trimmed.Length == 0)
        {
            return null;
        }

        try
        {
            var ascii = new IdnMapping().GetAscii(trimmed).ToLowerInvariant();
            return ascii.Length <= SignInDomain.MaxLength && DomainName().IsMatch(ascii) ? ascii : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The domain of an email address as <see cref="Normalize"/> writes it, or null.</summary>
    public static string? DomainOf(string? email) =>
        email is null || email.LastIndexOf('@') is var at && at < 0 ? null : Normalize(email[(at + 1)..]);

    public static async Task SaveAsync(AppDbContext db, IReadOnlyList<string> domains, CancellationToken cancellationToken = default)
    {
        db.SignInDomains.RemoveRange(await db.SignInDomains.ToListAsync(cancellationToken));
        db.SignInDomains.AddRange(domains.Select(d => new SignInDomain { Domain = d }));
        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex DomainName();
}
