using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ReflectionWorkshop.Web.Tests.Pages.Account;

/// <summary>
/// Validation attributes on the account, space and admin page models name AccountsText keys; a key
/// with no entry would show the raw key to the person (ResourceFileTests checks only localizer calls).
/// </summary>
public sealed partial class AccountValidationKeyTests
{
    [Fact]
    public void Every_validation_message_key_on_the_account_pages_exists_in_both_languages()
    {
        var root = RepoRoot();
        var web = Path.Combine(root, "src", "ReflectionWorkshop.Web");
        var english = Keys(Path.Combine(web, "Resources", "AccountsText.resx"));
        var spanish = Keys(Path.Combine(web, "Resources", "AccountsText.es.resx"));
        var used = new[] { "Account", "Spaces", "Admin" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(web, "Pages", folder), "*.cs"))
            .SelectMany(file => ErrorMessage().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups["key"].Value)))
            .ToList();

        Assert.True(used.Count >= 10, $"Only {used.Count} validation messages found: the pattern no longer matches the code.");
        var missing = used.Where(u => !english.Contains(u.Key) || !spanish.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReflectionWorkshop.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ReflectionWorkshop.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"ErrorMessage\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex ErrorMessage();
}
