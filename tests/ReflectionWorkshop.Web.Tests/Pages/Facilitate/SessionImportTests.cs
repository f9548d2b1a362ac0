using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>A whole session exported as JSON and imported into another installation.</summary>
public sealed class SessionImportTests
{
    private const string Chained = """
        ---
        id: chained
        title: Characteristics and a vote
        purpose: Name characteristics and vote on their themes.
        ---

        ## list: What characteristics set the team that worked apart?
        max: 2
        item-label: Characteristic

        ## vote: Which characteristics matter most?
        themes-from: 1
        dots: 2

        ## rating: How much trust is there?
        scale: Low | High
        item: In this group
        anonymity-floor: 1
        """;

    private static async Task<Page> UploadAsync(Visitor facilitator, byte[] file, string name = "session.json")
    {
        var list = await facilitator.GetAsync("/facilitate/sessions");
        var form = list.Document.QuerySelector<IHtmlFormElement>("form[action*='handler=Import']")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken");
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(fileContent, "archive", name);
        var response = await facilitator.Client.PostAsync(form.GetAttribute("action"), content);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Redirect
            ? await facilitator.GetAsync(response.Headers.Location!.OriginalString)
            : new Page("/facilitate/sessions", response.StatusCode, await BrowsingContext.New().OpenAsync(r => r.Content(html)));
    }

    [Fact]
    public async Task A_session_exported_as_json_imports_into_an_empty_installation_with_the_same_summary()
    {
        using var first = new WorkshopFactory(("chained.md", Chained));
        var facilitator = first.NewVisitor();
        var session = await facilitator.OpenSessionAsync("chained", "Named");
        var phones = new[] { first.NewVisitor(), first.NewVisitor() };
        await phones[0].JoinWithCodeAsync(session.Code, "Ana");
        await phones[1].JoinWithCodeAsync(session.Code, "Ben");
        await facilitator.StartAsync(session);
        await phones[0].AnswerAsync(session, ("Input.Items[0]", "Trust"), ("Input.Items[1]", "=1+1 roles"));
        await phones[1].AnswerAsync(session, ("Input.Items[0]", "Reliable people"));
        var board = await facilitator.GetAsync(session.RunUrl + "/themes/1");
        board = await facilitator.SubmitAsync(board, "form[action*='handler=Add']", ("name", "Trust"));
        board = await facilitator.SubmitAsync(board, "form[action*='handler=Add']", ("name", "Roles"));
        string Theme(Page page, string name) => page.Document.QuerySelectorAll("section.theme").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == name).GetAttribute("data-drop")!;
        string Card(Page page, string text) => page.Document.QuerySelectorAll(".board-card").First(c => c.QuerySelector(".answer")!.TextContent.Trim() == text).GetAttribute("data-card")!;
        foreach (var (card, theme) in new[] { ("Trust", "Trust"), ("Reliable people", "Trust"), ("=1+1 roles", "Roles") })
        {
            board = await facilitator.SubmitAsync(board, $"[data-card='{Card(board, card)}'] form.move-form", ("to", Theme(board, theme)));
        }

        await facilitator.NextAsync(session);
        await phones[0].AnswerAsync(session, ("Input.Dots[0]", "2"));
        await phones[1].AnswerAsync(session, ("Input.Dots[0]", "1"), ("Input.Dots[1]", "1"));
        await facilitator.NextAsync(session);
        await phones[0].AnswerAsync(session, ("Input.Ratings[0]", "2"));
        var summary = await facilitator.CloseAndReadSummaryAsync(session);
        await facilitator.SubmitAsync(summary, "#note-0 form", ("note", "Trust came *first*."));
        var markdown = await facilitator.Client.GetStringAsync(session.SummaryUrl + "?handler=Markdown");
        var json = await facilitator.Client.GetByteArrayAsync(session.SummaryUrl + "?handler=Json");

        using var second = new WorkshopFactory();
        var coachElsewhere = second.NewVisitor();
        await coachElsewhere.SignUpAsync();
        var imported = await UploadAsync(coachElsewhere, json);

        Assert.Equal("“Characteristics and a vote” was imported with 2 participants and 5 answers.", imported.Document.QuerySelector(".alert")!.TextContent.Trim());
        var importedMarkdown = await coachElsewhere.Client.GetStringAsync(imported.Url.Split('?')[0] + "?handler=Markdown");
        Assert.Equal(markdown, importedMarkdown);
        Assert.Contains("| Trust | 2 | 3 |", importedMarkdown);
        Assert.Contains("Trust came *first*.", importedMarkdown);
    }

    [Fact]
    public async Task An_anonymous_sessions_export_holds_no_name_and_no_participant_id()
    {
        using var app = new WorkshopFactory(("chained.md", Chained));
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("chained");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Items[0]", "Trust"));
        await facilitator.CloseAsync(session);

        var json = await facilitator.Client.GetStringAsync(session.SummaryUrl + "?handler=Json");
        var participantIds = await app.QueryAsync(db => db.Participants.Select(p => p.Id).ToListAsync());
        var responseIds = await app.QueryAsync(db => db.Responses.Select(r => r.Id).ToListAsync());

        Assert.Contains("\"name\": null", json);
        Assert.All(participantIds, id => Assert.DoesNotContain(id.ToString(), json, StringComparison.OrdinalIgnoreCase));
        Assert.All(participantIds, id => Assert.DoesNotContain(id.ToString("N"), json, StringComparison.OrdinalIgnoreCase));
        Assert.All(responseIds, id => Assert.DoesNotContain(id.ToString(), json, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("{ not json", "This file is not a session export that can be read")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}", "This file is not a Reflection Workshop session export")]
    [InlineData("{\"format\":\"reflection-workshop-session\",\"version\":7}", "This export is version 7; this installation reads version 1.")]
    [InlineData("{\"format\":\"reflection-workshop-session\",\"version\":1}", "This export is incomplete")]
    public async Task A_file_that_is_not_a_good_export_is_refused_with_a_reason_and_stores_nothing(string content, string message)
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();

        var refused = await UploadAsync(facilitator, Encoding.UTF8.GetBytes(content));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(message, refused.Document.QuerySelector("#archive-error")!.TextContent);
        Assert.Contains("No sessions yet", (await facilitator.GetAsync("/facilitate/sessions")).Text);
    }

    private static byte[] FixedArchive(Func<SessionArchive, SessionArchive> change) =>
        change(SessionArchive.From(ReflectionWorkshop.Web.Tests.Reports.FixedSession.Build())).ToJson();

    public static TheoryData<string, string> BrokenLimits() => new()
    {
        { "title", "The activity in this file breaks a rule every activity follows, so nothing was imported: " },
        { "prompt", "The activity in this file breaks a rule every activity follows at step 1, so nothing was imported: " },
        { "ballot", "a ballot offers at most 20" },
        { "themes", "A board holds at most 100 themes" },
    };

    [Theory]
    [MemberData(nameof(BrokenLimits))]
    public async Task An_archive_past_an_authoring_limit_is_refused_and_no_cookie_grows(string what, string message)
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var huge = new string('x', 100_000);
        var file = FixedArchive(archive => what switch
        {
            "title" => archive with { Activity = archive.Activity with { Title = huge } },
            "prompt" => archive with { Activity = archive.Activity with { Prompts = [archive.Activity.Prompts[0] with { Title = huge }, .. archive.Activity.Prompts.Skip(1)] } },
            "ballot" => archive with { Ballots = new Dictionary<int, IReadOnlyList<string>> { [2] = Enumerable.Range(1, 25).Select(i => $"Theme {i}").ToList() } },
            _ => archive with
            {
                Participants = [.. archive.Participants, .. Enumerable.Range(100, 101).Select(n => new SessionArchive.ArchivedParticipant(n, null, archive.CreatedAt))],
                Responses = [.. archive.Responses, .. Enumerable.Range(100, 101).Select(n => new SessionArchive.ArchivedResponse(n, 1, archive.CreatedAt, archive.CreatedAt, [new SessionArchive.ArchivedItem(0, $"Answer {n}", null)]))],
                Boards = [new SessionArchive.ArchivedBoard(1, Enumerable.Range(100, 101).Select(n => new SessionArchive.ArchivedTheme($"Theme {n}", [new SessionArchive.ArchivedCard(n, 0)])).ToList())],
            },
        });

        var refused = await UploadAsync(facilitator, file);

        Assert.Contains(message, refused.Document.QuerySelector("#archive-error")!.TextContent);
        Assert.Contains("No sessions yet", (await facilitator.GetAsync("/facilitate/sessions")).Text);
        Assert.True(facilitator.Cookies.GetCookieHeader(new Uri("http://localhost")).Length < 4000);
        Assert.Equal(HttpStatusCode.OK, (await facilitator.GetAsync("/join")).Status);
    }
}
