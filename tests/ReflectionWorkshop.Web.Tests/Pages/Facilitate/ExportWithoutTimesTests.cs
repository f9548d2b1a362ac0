using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CsvHelper;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>
/// A coach who shares answers further can download them without answer times (issue 18, "Also expected";
/// docs/privacy.md): the CSV without its time column, the archive with every time set to the session's start, and
/// neither in the order the answers arrived.
/// </summary>
public sealed partial class ExportWithoutTimesTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public ExportWithoutTimesTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    [Fact]
    public async Task The_summary_offers_both_downloads_without_times_as_plain_links()
    {
        var session = await ClosedSessionAsync();

        var page = await _facilitator.GetAsync(session.SummaryUrl);

        var links = page.Document.QuerySelectorAll(".summary-tools a[href*='times=false']").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.Equal(["Every answer, without times (.csv)", "Whole session, without times (.json)"], links.Keys);
        foreach (var (extension, href) in links.Values.Select(h => (h.Contains("handler=Csv") ? ".csv" : ".json", h)))
        {
            var response = await _facilitator.Client.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith($"-{session.Code}-without-times{extension}", FileName(response));
        }
    }

    [Fact]
    public async Task The_links_speak_spanish_to_a_spanish_coach()
    {
        var session = await ClosedSessionAsync();
        _facilitator.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await _facilitator.GetAsync(session.SummaryUrl);

        Assert.Equal(
            ["Todas las respuestas, sin horas (.csv)", "La sesión completa, sin horas (.json)"],
            page.Document.QuerySelectorAll(".summary-tools a[href*='times=false']").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task The_csv_without_times_has_no_time_column_and_lists_answers_by_participant()
    {
        var session = await ClosedSessionAsync();

        var timed = Rows(await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Csv"));
        var untimed = Rows(await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Csv&times=false"));

        Assert.Equal("AnsweredAtUtc", timed[0][^1]);
        Assert.Equal(timed[0][..^1], untimed[0]);
        Assert.All(untimed, row => Assert.Equal(13, row.Length));
        Assert.DoesNotContain(untimed.SelectMany(row => row), cell => DateTime().IsMatch(cell));

        // The second phone answered first: the timed file says so, the untimed one lists by participant.
        Assert.Equal(["Participant 2", "Participant 1"], timed.Skip(1).Where(r => r[2] == "1").Select(r => r[12]));
        Assert.Equal(["Participant 1", "Participant 2"], untimed.Skip(1).Where(r => r[2] == "1").Select(r => r[12]));
    }

    [Fact]
    public async Task The_archive_without_times_tells_no_answer_time_and_still_imports()
    {
        var session = await ClosedSessionAsync();

        var bytes = await _facilitator.Client.GetByteArrayAsync($"{session.SummaryUrl}?handler=Json&times=false");

        using (var archive = JsonDocument.Parse(bytes))
        {
            var root = archive.RootElement;
            var start = root.GetProperty("startedAt").GetDateTimeOffset();
            var times = root.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("joinedAt").GetDateTimeOffset())
                .Concat(root.GetProperty("responses").EnumerateArray().SelectMany(r => new[] { r.GetProperty("submittedAt").GetDateTimeOffset(), r.GetProperty("updatedAt").GetDateTimeOffset() }))
                .ToList();
            Assert.Equal(2 + (2 * 3), times.Count);
            Assert.All(times, at => Assert.Equal(start, at));
            Assert.Equal([1, 2], root.GetProperty("responses").EnumerateArray().Where(r => r.GetProperty("step").GetInt32() == 0).Select(r => r.GetProperty("participant").GetInt32()));
        }

        using var elsewhere = TestActivities.FactoryWithEveryKind();
        var coach = elsewhere.NewVisitor();
        await coach.SignUpAsync();
        var imported = await UploadAsync(coach, bytes);
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.EndsWith("/summary", imported.Url);
        Assert.Contains("Listen first", imported.Text);
    }

    /// <summary>Two phones; the second answers step 1 first, then both answer step 2.</summary>
    private async Task<RunningSession> ClosedSessionAsync()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var first = _app.NewVisitor();
        var second = _app.NewVisitor();
        await first.JoinWithCodeAsync(session.Code);
        await second.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await second.AnswerAsync(session, ("Input.Text", "Ask more"));
        await first.AnswerAsync(session, ("Input.Text", "Listen first"));
        await _facilitator.NextAsync(session);
        await first.AnswerAsync(session, ("Input.Items[0]", "Trust"), ("Input.Items[1]", "Clear roles"));
        await _facilitator.CloseAsync(session);
        return session;
    }

    private static List<string[]> Rows(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    private static string FileName(HttpResponseMessage response) =>
        response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;

    private static async Task<Page> UploadAsync(Visitor coach, byte[] file)
    {
        var list = await coach.GetAsync("/facilitate/sessions");
        var form = list.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Import']")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken");
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(fileContent, "archive", "session.json");
        var response = await coach.Client.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await coach.GetAsync(response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")]
    private static partial Regex DateTime();
}
