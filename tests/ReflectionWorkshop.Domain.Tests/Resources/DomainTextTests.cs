using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ReflectionWorkshop.Domain.Tests.Resources;

/// <summary>
/// The domain's own resource files (src/ReflectionWorkshop.Domain/Resources): every language has every
/// key with a value and the same placeholders, every key the domain asks for exists, every key is used,
/// and no refusal is written as a literal sentence any more. A third language is held to the same rules.
/// </summary>
public sealed partial class DomainTextTests
{
    private static readonly string DomainProject = Path.Combine(RepoRoot(), "src", "ReflectionWorkshop.Domain");
    private static readonly string ResourceFolder = Path.Combine(DomainProject, "Resources");
    private static readonly string English = Path.Combine(ResourceFolder, "DomainText.resx");

    public static TheoryData<string> Translations() =>
        [.. Directory.EnumerateFiles(ResourceFolder, "DomainText.*.resx").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void There_is_a_spanish_translation()
    {
        Assert.True(File.Exists(Path.Combine(ResourceFolder, "DomainText.es.resx")));
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Each_language_has_the_same_keys_with_values_and_the_same_placeholders(string file)
    {
        var english = Read(English);
        var translated = Read(Path.Combine(ResourceFolder, file));

        var missing = english.Keys.Except(translated.Keys).Order().ToList();
        var extra = translated.Keys.Except(english.Keys).Order().ToList();
        Assert.True(missing.Count == 0, $"{file} lacks: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{file} has keys English lacks: {string.Join(", ", extra)}");
        foreach (var (key, value) in english)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"DomainText.resx: {key} is empty.");
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{file}: {key} is empty.");
            Assert.True(
                Placeholders(value).SetEquals(Placeholders(translated[key])),
                $"{file}: {key} has placeholders {string.Join(" ", Placeholders(translated[key]))}, English has {string.Join(" ", Placeholders(value))}.");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_sentence_formats_in_its_own_language_with_the_arguments_the_english_takes(string file)
    {
        var culture = CultureInfo.GetCultureInfo(file.Split('.')[1]);
        var translated = Read(Path.Combine(ResourceFolder, file));
        foreach (var (key, english) in Read(English))
        {
            // The code passes the arguments the English sentence takes; a stray brace, a bad format or a
            // placeholder beyond them in a translation would turn a refusal into a crash.
            var date = english.Contains("{0:d", StringComparison.Ordinal);
            var args = Enumerable.Range(0, Placeholders(english).Select(int.Parse).DefaultIfEmpty(-1).Max() + 1)
                .Select(object (i) => i == 0 && date ? new DateTimeOffset(2026, 3, 19, 9, 0, 0, TimeSpan.Zero) : 1234)
                .ToArray();
            foreach (var (language, value) in new[] { (CultureInfo.InvariantCulture, english), (culture, translated.GetValueOrDefault(key, english)) })
            {
                var exception = Record.Exception(() => string.Format(language, value, args));
                Assert.True(exception is null, $"{key} ({language.Name}) does not format: {exception?.Message}");
            }
        }
    }

    [Fact]
    public void Every_key_the_domain_asks_for_exists_and_every_key_is_asked_for()
    {
        var keys = Read(English).Keys.ToHashSet();
        var used = new HashSet<string>();
        var missing = new List<string>();
        foreach (var file in SourceFiles())
        {
            var source = File.ReadAllText(file);
            foreach (var key in Lookups(source).SelectMany(call => KeyLiteral().Matches(call).Select(m => m.Groups["key"].Value)))
            {
                used.Add(key);
                if (!keys.Contains(key))
                {
                    missing.Add($"{Path.GetRelativePath(DomainProject, file)}: DomainText has no \"{key}\"");
                }
            }
        }

        Assert.True(used.Count > 0, "No DomainText key was found in the domain: the pattern no longer matches the code.");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        var unused = keys.Except(used).Order().ToList();
        Assert.True(unused.Count == 0, $"DomainText keys no code asks for: {string.Join(", ", unused)}");
    }

    [Fact]
    public void No_refusal_or_problem_is_written_as_a_literal_sentence()
    {
        var literals = SourceFiles()
            .Where(file => !NotYetThroughDomainText.Contains(Path.GetFileName(file)))
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => LiteralMessage().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(DomainProject, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(literals.Count == 0, "Write these through DomainText:\n" + string.Join("\n", literals));
    }

    /// <summary>
    /// Activity file problems carry a code (ActivityProblem) whose English lives in ActivityMessages; the web shows
    /// them from its Authoring resources in the reader's language. Nothing else is exempt.
    /// </summary>
    private static readonly HashSet<string> NotYetThroughDomainText = ["ActivityMessages.cs"];

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(DomainProject, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The argument lists of every DomainText.Get(…) and DomainText.Format(…) call, so keys chosen by a condition count too.</summary>
    private static IEnumerable<string> Lookups(string source)
    {
        foreach (Match call in Lookup().Matches(source))
        {
            var start = call.Index + call.Length;
            var depth = 1;
            var end = start;
            for (var inString = false; end < source.Length && depth > 0; end++)
            {
                inString ^= source[end] == '"' && source[end - 1] != '\\';
                depth += inString ? 0 : source[end] switch { '(' => 1, ')' => -1, _ => 0 };
            }

            yield return source[start..end];
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string value) =>
        Placeholder().Matches(value).Select(m => m.Groups[1].Value).ToHashSet();

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ReflectionWorkshop.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ReflectionWorkshop.sln not found above " + AppContext.BaseDirectory);
    }

    // {0}, {1:N0}: the index, without its format.
    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bDomainText\.(?:Get|Format)\(")]
    private static partial Regex Lookup();

    // Keys are dotted PascalCase: "Session.AlreadyClosed".
    [GeneratedRegex(@"""(?<key>[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+)""")]
    private static partial Regex KeyLiteral();

    // throw new XException("…") / ($"…"), or a problem made with a literal message: new(line, "…").
    [GeneratedRegex(@"Exception\(\s*\$?""|new\(\s*[\w.+ -]+,\s*\$?""")]
    private static partial Regex LiteralMessage();
}
