using System.Text.Json;
using Microsoft.Playwright;

namespace ReflectionWorkshop.BrowserTests.Support;

/// <summary>
/// axe-core (from npm, see package.json; the build copies axe.min.js next to this assembly) run inside a page
/// against the WCAG 2.0, 2.1 and 2.2 A and AA rules. Only serious and critical violations count against a page.
/// </summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"axe-core is missing at {path}: the build restores it with `npm ci` (tests/ReflectionWorkshop.BrowserTests/package.json).", path);
        }

        // Run as a function through the DevTools protocol, which the app's Content-Security-Policy
        // (script-src 'self') does not govern, so the page under test keeps its real headers.
        return "() => {\n" + File.ReadAllText(path) + "\n}";
    });

    /// <summary>
    /// Runs axe on the page as it is now and returns its serious and critical violations, one readable line per
    /// element: the page's name, the rule, its impact, the element and what to do.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string pageName)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var result = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
                const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
                return results.violations.map(v => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    nodes: v.nodes.map(n => ({ target: n.target.join(" "), impact: n.impact, summary: n.failureSummary })),
                }));
            }
            """,
            Tags);

        var problems = new List<string>();
        foreach (var violation in result.EnumerateArray())
        {
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                var impact = node.GetProperty("impact").GetString() ?? violation.GetProperty("impact").GetString();
                if (impact is "serious" or "critical")
                {
                    problems.Add($"{pageName}: {violation.GetProperty("id").GetString()} ({impact}) at `{node.GetProperty("target").GetString()}`: {violation.GetProperty("help").GetString()}. {node.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}");
                }
            }
        }

        return problems;
    }
}
