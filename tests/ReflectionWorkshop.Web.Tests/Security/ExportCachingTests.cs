using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>
/// What people answered leaves the server only as no-store: no browser cache on a shared school computer and no proxy
/// keeps a copy of an export or of the summary page it is printed from (issue 18, "Also expected").
/// </summary>
public sealed class ExportCachingTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public ExportCachingTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    [Fact]
    public async Task Every_export_and_the_print_view_are_sent_no_store()
    {
        var (session, phone) = await ClosedSessionAsync();
        var other = await _facilitator.OpenSessionAsync("every-kind");
        await _facilitator.CloseAsync(other);
        var thanks = await phone.GetAsync(session.PhoneUrl);
        var takeaway = thanks.Document.QuerySelector("a[href^='/mine/']")!.GetAttribute("href")!;

        string[] downloads =
        [
            session.SummaryUrl,
            session.SummaryUrl + "?handler=Markdown",
            session.SummaryUrl + "?handler=Docx",
            session.SummaryUrl + "?handler=Csv",
            session.SummaryUrl + "?handler=Json",
            $"/facilitate/sessions/compare?handler=Csv&ids={session.SessionId()}&ids={other.SessionId()}",
        ];
        foreach (var url in downloads)
        {
            AssertNoStore(url, await _facilitator.Client.GetAsync(url));
        }

        AssertNoStore(takeaway, await phone.Client.GetAsync(takeaway + "?handler=Text"));
    }

    [Fact]
    public async Task Static_files_keep_their_caching()
    {
        var response = await _facilitator.Client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.NoStore ?? false, response.Headers.CacheControl?.ToString());
    }

    private async Task<(RunningSession Session, Visitor Phone)> ClosedSessionAsync()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Listen first"));
        await _facilitator.CloseAsync(session);
        return (session, phone);
    }

    private static void AssertNoStore(string url, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
    }
}
