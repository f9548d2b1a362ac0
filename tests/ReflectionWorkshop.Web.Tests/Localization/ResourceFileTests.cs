using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ReflectionWorkshop.Web.Tests.Localization;

/// <summary>
/// The resource files themselves: every language has every key, no value is empty, the placeholders
/// agree, and every key the code asks for exists. A third language is held to the same rules.
/// </summary>
public sealed partial class ResourceFileTests
{
    private static readonly string WebProject = Path.Combine(RepoRoot(), "src", "ReflectionWorkshop.Web");
    private static readonly string ResourceFolder = Path.Combine(WebProject, "Resources");

    public static TheoryData<string> Resources() => [.. NeutralFiles().Select(f => Path.GetFileNameWithoutExtension(f)!)];

    [Fact]
    public void Every_resource_has_a_spanish_translation_and_every_translation_a_resource()
    {
        var neutral = NeutralFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.NotEmpty(neutral);
        foreach (var translation in Directory.EnumerateFiles(ResourceFolder, "*.*.resx"))
        {
            var name = Path.GetFileName(translation).Split('.')[0];
            Assert.True(neutral.Contains(name), $"{Path.GetFileName(translation)} translates {name}.resx, which does not exist.");
        }

        foreach (var name in neutral)
        {
            Assert.True(File.Exists(Path.Combine(ResourceFolder, name + ".es.resx")), $"{name}.resx has no Spanish file {name}.es.resx.");
        }
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Each_language_has_the_same_keys_with_values_and_the_same_placeholders(string resource)
    {
        var english = Read(Path.Combine(ResourceFolder, resource + ".resx"));
        foreach (var file in Directory.EnumerateFiles(ResourceFolder, resource + ".*.resx"))
        {
            var language = Path.GetFileName(file);
            var translated = Read(file);
            var missing = english.Keys.Except(translated.Keys).Order().ToList();
            var extra = translated.Keys.Except(english.Keys).Order().ToList();
            Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{language} has keys English lacks: {string.Join(", ", extra)}");
            foreach (var (key, value) in english)
            {
                Assert.False(string.IsNullOrWhiteSpace(value), $"{resource}.resx: {key} is empty.");
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{language}: {key} is empty.");
                Assert.True(
                    Placeholders(value).SetEquals(Placeholders(translated[key])),
                    $"{language}: {key} has placeholders {string.Join(" ", Placeholders(translated[key]))}, English has {string.Join(" ", Placeholders(value))}.");
            }
        }
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists()
    {
        var keysByResource = NeutralFiles().ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => Read(f).Keys.ToHashSet());
        var missing = new List<string>();
        var files = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var used = 0;
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);

            // S is injected into every view by _ViewImports; other localizers are declared where they are used.
            var localizers = new Dictionary<string, string> { ["S"] = "SharedText" };
            foreach (Match declaration in Declaration().Matches(source))
            {
                localizers[declaration.Groups["name"].Value] = declaration.Groups["resource"].Value;
            }

            foreach (Match use in Use().Matches(source))
            {
                if (!localizers.TryGetValue(use.Groups["name"].Value, out var resource))
                {
                    continue;
                }

                used++;
                if (!keysByResource.TryGetValue(resource, out var keys) || !keys.Contains(use.Groups["key"].Value))
                {
                    missing.Add($"{Path.GetRelativePath(WebProject, file)}: {resource} has no \"{use.Groups["key"].Value}\"");
                }
            }
        }

        Assert.True(used > 0, "No localizer use was found: the pattern no longer matches the code.");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string value) =>
        Placeholder().Matches(value).Select(m => m.Groups[1].Value).ToHashSet();

    private static IEnumerable<string> NeutralFiles() =>
        Directory.EnumerateFiles(ResourceFolder, "*.resx").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1).Order(StringComparer.Ordinal);

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReflectionWorkshop.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ReflectionWorkshop.sln not found above " + AppContext.BaseDirectory);
    }

    // {0}, {1:N0}, {left}: the name or index, without its format.
    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"IStringLocalizer<(?:[\w.]+\.)?(?<resource>\w+)>\??\s+(?<name>\w+)")]
    private static partial Regex Declaration();

    // A whole literal key (T["Run.Start"] or T["Run.StepOf", n]); keys built at run time (T["Kind." + kind]) are not checked here.
    [GeneratedRegex(@"(?<![\w.])(?<name>\w+)\[\s*""(?<key>[^""]+)""\s*[\],]")]
    private static partial Regex Use();
}
