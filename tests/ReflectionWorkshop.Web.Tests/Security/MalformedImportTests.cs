using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Tests.Support;
using Xunit.Abstractions;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>
/// Issue 18, item 7: many damaged session archives and activity files thrown at the two importers. Whatever
/// the damage, the answer is never a 5xx, a refusal is a 4xx that says why, and a refused file stores nothing;
/// a file that is accepted opens without an error. The damaged files are made from a good one by a fixed set
/// of edits at every place in it (null, missing, wrong type, out of range), so a failure names the edit.
/// </summary>
public sealed partial class MalformedImportTests(ITestOutputHelper output)
{
    /// <summary>What varies inside one kind of refusal: numbers, and anything quoted.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""\d+|“[^”]*”|"[^"]*"|«[^»]*»""")]
    private static partial System.Text.RegularExpressions.Regex Kind();

    private static readonly JsonNode?[] Replacements =
    [
        null,
        JsonValue.Create("x"),
        JsonValue.Create(-1),
        JsonValue.Create(1e300),
        JsonValue.Create(int.MaxValue),
        new JsonArray(),
        new JsonArray((JsonNode?)null),
        new JsonObject(),
    ];

    /// <summary>The import form's address and token, read once: each file is then one post.</summary>
    private static async Task<Func<byte[], Task<HttpResponseMessage>>> ImporterAsync(Visitor facilitator, string listUrl, string field, string name)
    {
        var list = await facilitator.GetAsync(listUrl);
        var form = list.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Import']")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var action = form.GetAttribute("action");
        return async file =>
        {
            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(token), "__RequestVerificationToken");
            var fileContent = new ByteArrayContent(file);
            fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(fileContent, field, name);
            return await facilitator.Client.PostAsync(action, content);
        };
    }

    /// <summary>
    /// Every place in the document with its path, the root first; of a list, its first entry only (the rest are
    /// more of the same kind, and every edit is a post), except the steps, which differ in kind.
    /// </summary>
    private static IEnumerable<(string Path, JsonNode Node)> Places(JsonNode node, string path = "$")
    {
        yield return (path, node);
        var children = node switch
        {
            JsonObject o => o.Select(p => (Path: $"{path}.{p.Key}", Node: p.Value)),
            JsonArray a => a.Take(path.EndsWith(".prompts", StringComparison.Ordinal) ? a.Count : 1).Select((n, i) => (Path: $"{path}[{i}]", Node: n)),
            _ => [],
        };
        foreach (var (childPath, child) in children)
        {
            if (child is null)
            {
                continue;
            }

            foreach (var place in Places(child, childPath))
            {
                yield return place;
            }
        }
    }

    /// <summary>The good archive with one edit: each place replaced by each odd value, and each property removed.</summary>
    private static IEnumerable<(string Edit, byte[] File)> DamagedArchives(string good)
    {
        var count = Places(JsonNode.Parse(good)!).Count();
        for (var index = 1; index < count; index++)
        {
            for (var r = 0; r <= Replacements.Length; r++)
            {
                var copy = JsonNode.Parse(good)!;
                var (path, node) = Places(copy).ElementAt(index);
                var parent = node.Parent!;
                string edit;
                if (r == Replacements.Length)
                {
                    if (parent is not JsonObject owner)
                    {
                        continue;
                    }

                    owner.Remove(node.GetPropertyName());
                    edit = $"{path} removed";
                }
                else
                {
                    var value = Replacements[r]?.DeepClone();
                    if (parent is JsonObject owner)
                    {
                        owner[node.GetPropertyName()] = value;
                    }
                    else
                    {
                        ((JsonArray)parent)[node.GetElementIndex()] = value;
                    }

                    edit = $"{path} = {value?.ToJsonString() ?? "null"}";
                }

                yield return (edit, Encoding.UTF8.GetBytes(copy.ToJsonString()));
            }
        }
    }

    private static Task<int[]> CountsAsync(WorkshopFactory app) =>
        app.QueryAsync(async db => new[]
        {
            await db.Sessions.CountAsync(), await db.Participants.CountAsync(), await db.Responses.CountAsync(),
            await db.ThemeBoards.CountAsync(), await db.CustomActivities.CountAsync(),
        });

    /// <summary>
    /// What the import page decides about an archive before it touches the database (it runs exactly these two calls
    /// and refuses on a <see cref="DomainException"/>): null when it would be stored, else the refusal. Any other
    /// exception escapes, as it would from the page (a 5xx), and fails the test with its edit.
    /// </summary>
    private static string? ArchiveRefusal(byte[] file)
    {
        try
        {
            using var stream = new MemoryStream(file);
            SessionArchive.Read(stream).Restore("ABC234", Guid.NewGuid(), "facilitator", DateTimeOffset.UtcNow);
            return null;
        }
        catch (DomainException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>
    /// Every edit is judged in process, which is cheap; then everything that would be stored, and one refusal of each
    /// kind (the first edit that gave that message), is posted through the real form, where a refusal must be a 400
    /// that says why and stores nothing, and an accepted file must open. Posting every edit cost a minute of CPU
    /// and checked the same code with the same words again and again.
    /// </summary>
    private List<(string Edit, T File, bool Refused)> ToPost<T>(IReadOnlyCollection<(string Edit, T File)> edits, Func<T, string?> refusal, List<string> problems)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var posts = new List<(string, T, bool)>();
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (edit, file) in edits)
        {
            string? why;
            try
            {
                why = refusal(file);
            }
            catch (Exception ex)
            {
                problems.Add($"{edit}: {ex.GetType().Name} ({ex.Message}), which the page would answer with a 5xx");
                continue;
            }

            // One refusal of each kind: the same sentence about another number or name is the same check again.
            if (why is null || reasons.Add(Kind().Replace(why, "…")))
            {
                posts.Add((edit, file, why is not null));
            }
        }

        output.WriteLine($"{edits.Count} damaged files judged in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; posting {posts.Count(p => !p.Item3)} that would be stored and {reasons.Count} different refusals");
        return posts;
    }

    [Fact]
    public async Task Damaged_session_archives_are_refused_with_a_4xx_and_a_reason_and_store_nothing()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var import = await ImporterAsync(facilitator, "/facilitate/sessions", "archive", "session.json");
        var good = Encoding.UTF8.GetString(SessionArchive.From(ReflectionWorkshop.Web.Tests.Reports.FixedSession.Build(Domain.Sessions.Anonymity.Named)).ToJson());
        var problems = new List<string>();
        var edits = DamagedArchives(good).Append(("truncated", Encoding.UTF8.GetBytes(good[..(good.Length / 2)]))).ToList();
        var posts = ToPost(edits, ArchiveRefusal, problems);
        var refused = 0;

        // Nothing else writes to this app's database, so what was counted after one edit is what the next starts from.
        var before = await CountsAsync(app);
        foreach (var (edit, file, expectRefusal) in posts)
        {
            using var response = await import(file);
            var after = await CountsAsync(app);
            var html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{edit}: {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.Redirect && !expectRefusal)
            {
                // Some edits leave a good file (a name changed to "x"): it is stored whole and its summary opens.
                using var summary = await facilitator.Client.GetAsync(response.Headers.Location);
                if (summary.StatusCode != HttpStatusCode.OK || after[0] != before[0] + 1)
                {
                    problems.Add($"{edit}: accepted, then its summary answered {(int)summary.StatusCode}");
                }
            }
            else if (!expectRefusal || response.StatusCode != HttpStatusCode.BadRequest || !html.Contains("id=\"archive-error\"", StringComparison.Ordinal) || !after.SequenceEqual(before))
            {
                problems.Add($"{edit}: {(int)response.StatusCode} (expected {(expectRefusal ? "a refusal" : "it stored")}), message shown {html.Contains("archive-error", StringComparison.Ordinal)}, stored {string.Join('/', after.Zip(before, (a, b) => a - b))}");
            }
            else
            {
                refused++;
            }

            // An accepted file's page was opened since: counted again, so the next edit answers only for itself.
            before = response.StatusCode == HttpStatusCode.Redirect ? await CountsAsync(app) : after;
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(edits.Count > 500, $"only {edits.Count} damaged archives were made");
        Assert.True(refused > 10, $"only {refused} different refusals were posted; the edits did not reach the importer");
    }

    [Fact]
    public async Task Damaged_activity_files_are_refused_with_a_4xx_and_a_reason_and_store_nothing()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var import = await ImporterAsync(facilitator, "/facilitate/activities", "file", "activity.md");
        var lines = ReflectionWorkshop.Web.Tests.Reports.FixedSession.Activity.Split('\n');
        var damaged = new List<(string Edit, string Text)>();
        string[] odd = ["", "---", "## ", "## list:", "## vote: x", "max: -1", "max: 99999999999", "dots: x", "themes-from: 99", "themes-from: -3", "option:", "\u0001", "scale: |", "## rating:"];
        for (var i = 0; i < lines.Length; i++)
        {
            damaged.Add(($"line {i + 1} removed", string.Join('\n', lines.Where((_, j) => j != i))));
            damaged.Add(($"line {i + 1} cut in half", string.Join('\n', lines.Select((l, j) => j == i ? l[..(l.Length / 2)] : l))));
            damaged.AddRange(odd.Select(o => ($"line {i + 1} = '{o}'", string.Join('\n', lines.Select((l, j) => j == i ? o : l)))));
        }

        // The page refuses what the parser refuses (ActivityFileParser.Parse, the only check before storing); the
        // refusal's kind is the problems it lists, without their line numbers.
        var problems = new List<string>();
        var posts = ToPost(damaged, text => ActivityFileParser.Parse(text) is { Activity: null } result
            ? string.Join(", ", result.Problems.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal))
            : null, problems);
        var refused = 0;
        var before = await CountsAsync(app);
        foreach (var (edit, text, expectRefusal) in posts)
        {
            using var response = await import(Encoding.UTF8.GetBytes(text));
            var after = await CountsAsync(app);
            var html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{edit}: {(int)response.StatusCode}");
            }
            else if (response.StatusCode == HttpStatusCode.Redirect && !expectRefusal)
            {
                using var editor = await facilitator.Client.GetAsync(response.Headers.Location);
                if (editor.StatusCode != HttpStatusCode.OK || after[4] != before[4] + 1)
                {
                    problems.Add($"{edit}: accepted, then its editor answered {(int)editor.StatusCode}");
                }
            }
            else if (!expectRefusal || response.StatusCode != HttpStatusCode.BadRequest || !html.Contains("id=\"activity-file-error\"", StringComparison.Ordinal) || !after.SequenceEqual(before))
            {
                problems.Add($"{edit}: {(int)response.StatusCode} (expected {(expectRefusal ? "a refusal" : "it stored")}), stored {string.Join('/', after.Zip(before, (a, b) => a - b))}");
            }
            else
            {
                refused++;
            }

            // An accepted file's page was opened since: counted again, so the next edit answers only for itself.
            before = response.StatusCode == HttpStatusCode.Redirect ? await CountsAsync(app) : after;
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(damaged.Count > 300, $"only {damaged.Count} damaged files were made");
        Assert.True(refused > 5, $"only {refused} different refusals were posted");
    }
}
