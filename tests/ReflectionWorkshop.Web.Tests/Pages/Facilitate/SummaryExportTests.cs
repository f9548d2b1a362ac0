using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>The summary page's notes and downloads, through the real app.</summary>
public sealed class SummaryExportTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public SummaryExportTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    private async Task<RunningSession> ClosedSessionAsync(string anonymity = "Anonymous")
    {
        var session = await _facilitator.OpenSessionAsync("every-kind", anonymity);
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code, anonymity == "Named" ? "Ana Phone" : null);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "=HYPERLINK(\"http://evil\")"));
        await _facilitator.NextAsync(session);
        await phone.AnswerAsync(session, ("Input.Items[0]", "Trust"), ("Input.Items[1]", "Clear roles"));
        await _facilitator.CloseAsync(session);
        return session;
    }

    [Fact]
    public async Task Each_download_comes_with_its_type_and_a_file_name()
    {
        var session = await ClosedSessionAsync();

        foreach (var (handler, type, extension) in new[] { ("Markdown", "text/markdown", ".md"), ("Docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"), ("Csv", "text/csv", ".csv") })
        {
            var response = await _facilitator.Client.GetAsync($"{session.SummaryUrl}?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("every-kind-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            Assert.EndsWith($"-{session.Code}{extension}", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        }
    }

    [Fact]
    public async Task The_markdown_download_says_what_the_page_says()
    {
        var session = await ClosedSessionAsync();

        var markdown = await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Markdown");
        var page = await _facilitator.GetAsync(session.SummaryUrl);

        Assert.StartsWith("# Every kind", markdown.TrimStart('\uFEFF'));
        Assert.Contains("## 2. Name the characteristics", markdown);
        Assert.Contains("- Clear roles", markdown);
        Assert.Equal("Every kind", page.H1);
        Assert.Contains("2. Name the characteristics", page.Document.QuerySelectorAll(".summary-step h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task The_word_download_opens_and_has_the_step_headings()
    {
        var session = await ClosedSessionAsync();

        var bytes = await _facilitator.Client.GetByteArrayAsync($"{session.SummaryUrl}?handler=Docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("1. What did you learn?", text);
        Assert.Contains("Clear roles", text);
    }

    [Fact]
    public async Task The_csv_download_neutralises_formulas_and_names_no_one_in_an_anonymous_session()
    {
        var session = await ClosedSessionAsync();

        var bytes = await _facilitator.Client.GetByteArrayAsync($"{session.SummaryUrl}?handler=Csv");
        var csv = Encoding.UTF8.GetString(bytes);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv);
        Assert.Contains("Participant 1", csv);
    }

    [Fact]
    public async Task A_named_sessions_csv_carries_the_names_the_room_saw()
    {
        var session = await ClosedSessionAsync("Named");

        var csv = await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Csv");

        Assert.Contains(",Ana Phone,", csv);
    }

    [Fact]
    public async Task A_facilitator_adds_a_note_that_every_format_shows_and_a_too_long_one_is_kept_with_its_error()
    {
        var session = await ClosedSessionAsync();
        var summary = await _facilitator.GetAsync(session.SummaryUrl);

        var saved = await _facilitator.SubmitAsync(summary, "#note-1 form", ("note", "Trust came up **everywhere**."));
        var tooLong = await _facilitator.SubmitAsync(saved, "#note-0 form", ("note", new string('x', 4001)));

        Assert.Contains("Your note on step 2 was saved.", saved.Text);
        Assert.Equal("everywhere", saved.Document.QuerySelector("#step-2 strong")!.TextContent);
        Assert.Contains("Trust came up **everywhere**.", await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Markdown"));
        Assert.Contains("Keep a note to 4,000 characters; this one has 4,001.", tooLong.FieldErrors.Single());
        Assert.Equal(new string('x', 4001), tooLong.Document.QuerySelector("#note-text-0")!.TextContent);
    }

    [Fact]
    public async Task A_coach_downloads_but_cannot_add_notes_and_another_space_gets_not_found()
    {
        var session = await ClosedSessionAsync();
        var coach = _app.NewVisitor();
        await coach.SignUpAsync(email: "coach@example.org", spaceName: null);
        await _facilitator.AcceptInviteAsync(coach, "Coach");
        var outsider = _app.NewVisitor();
        await outsider.SignUpAsync(email: "outsider@example.org", spaceName: "Other district");

        Assert.Empty((await coach.GetAsync(session.SummaryUrl)).Document.QuerySelectorAll("form[action*='handler=Note']"));
        Assert.Equal(HttpStatusCode.NotFound, (await coach.PostWithOwnTokenAsync(session.SummaryUrl + "?handler=Note", ("step", "0"), ("note", "x"))).StatusCode);
        foreach (var handler in new[] { "", "?handler=Markdown", "?handler=Docx", "?handler=Csv" })
        {
            Assert.Equal(HttpStatusCode.OK, (await coach.Client.GetAsync(session.SummaryUrl + handler)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(session.SummaryUrl + handler)).StatusCode);
        }
    }
}
