using System.Net;
using System.Net.WebSockets;
using System.Text;
using AngleSharp.Dom;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>
/// Oversized and malformed requests against a running session, over a real Kestrel server (the test
/// server enforces no body limits, so only Kestrel shows what a phone on the network would get):
/// each gets a 4xx or the page's own refusal, changes nothing, and the server keeps serving.
/// </summary>
public sealed class HostileRequestTests() : KestrelHubTests(TestActivities.FactoryWithEveryKind())
{
    private const string Script = "<script>alert(1)</script>";
    private const string Attribute = "\"><img src=x onerror=alert(2)>";
    [Fact]
    public async Task A_50_MB_answer_is_refused_with_400_and_a_readable_page_nothing_is_stored_and_the_phone_can_still_answer()
    {
        var (_, session, phone) = await RunningSessionAsync();
        var token = await AnswerTokenAsync(phone, session);
        var head = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Step=0&Input.Text=";

        var (status, page) = await HugePostAsync(phone, session.PhoneUrl + "?handler=Answer", head, 50 * 1024 * 1024);

        // Kestrel's 30 MB body limit stops the read; the antiforgery check is the first to read the
        // form, so the post is refused as a bad request before any handler runs, and the connection is
        // closed rather than drained.
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Connection: close", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("That form could not be accepted", page, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAnswersAsync());
        var saved = await phone.AnswerAsync(session, ("Input.Text", "A normal answer"));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(["A normal answer"], await StoredTextsAsync());
        await AssertStillServingAsync(phone, session);
    }

    [Fact]
    public async Task Bad_utf8_in_an_answer_is_stored_only_as_valid_text_with_replacement_characters()
    {
        var (_, session, phone) = await RunningSessionAsync();
        var token = await AnswerTokenAsync(phone, session);

        // Raw bytes that are not UTF-8 (a lone 0xFF, a truncated two-byte sequence, an overlong '/')
        // and the same kind of bytes percent-encoded, as a hand-made post would carry them.
        var body = new List<byte>();
        body.AddRange(Encoding.ASCII.GetBytes($"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Step=0&Input.Text=A"));
        body.AddRange([0xFF, 0xC3, 0x28, 0xC0, 0xAF]);
        body.AddRange(Encoding.ASCII.GetBytes("B%FF%FE%C0%AFC"));
        var response = await RawPostAsync(phone, session.PhoneUrl + "?handler=Answer", [.. body]);

        // ASP.NET Core decodes forms leniently: each invalid raw byte becomes U+FFFD, and a
        // percent-escape that would decode to invalid UTF-8 is kept as its literal characters. So
        // what is stored is valid text (it survives a strict UTF-8 round trip) and no raw bytes.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await StoredTextsAsync());
        Assert.Equal("A\uFFFD\uFFFD(\uFFFD\uFFFDB%FF%FE%C0%AFC", stored);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        Assert.Equal(stored, strict.GetString(strict.GetBytes(stored)));
        Assert.DoesNotContain(stored, c => char.IsSurrogate(c) || (char.IsControl(c) && c != '\n'));
        await AssertStillServingAsync(phone, session);
    }

    [Fact]
    public async Task A_list_answer_with_10_000_items_is_refused_with_400_and_a_readable_page_and_nothing_is_stored()
    {
        var (facilitator, session, phone) = await RunningSessionAsync();
        await facilitator.NextAsync(session);
        var token = await AnswerTokenAsync(phone, session);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("Input.Step", "1") };
        fields.AddRange(Enumerable.Range(0, 10_000).Select(i => new KeyValuePair<string, string>($"Input.Items[{i}]", "item " + i)));

        var response = await phone.Client.PostAsync(session.PhoneUrl + "?handler=Answer", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing from it was saved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAnswersAsync());
        await AssertStillServingAsync(phone, session);
    }

    [Fact]
    public async Task A_list_answer_with_more_items_than_the_form_has_gets_the_pages_own_limit_message()
    {
        var (facilitator, session, phone) = await RunningSessionAsync();
        await facilitator.NextAsync(session);
        var extra = Enumerable.Range(0, 500).Select(i => ($"Input.Items[{i}]", "item " + i)).ToArray();

        var refused = await phone.AnswerAsync(session, extra);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("This list takes at most 4 items.", refused.FieldErrors);
        Assert.Equal(0, await StoredAnswersAsync());
        await AssertStillServingAsync(phone, session);
    }

    [Fact]
    public async Task Script_in_every_field_and_in_the_name_is_stored_as_text_and_shown_escaped_everywhere()
    {
        var facilitator = NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind", "Named");
        var phone = NewVisitor();
        var joined = await phone.JoinWithCodeAsync(session.Code, Script);
        Assert.Equal(session.PhoneUrl, joined.Url);
        await facilitator.StartAsync(session);
        var pages = new List<Page>();

        // Step 1, text (at most 50 characters).
        await phone.AnswerAsync(session, ("Input.Text", Script));
        pages.AddRange(await FacilitatorViewsAsync(facilitator, session));

        // Step 2, list: every item hostile.
        await facilitator.NextAsync(session);
        await phone.AnswerAsync(session, ("Input.Items[0]", Script + Attribute), ("Input.Items[1]", Attribute + Script), ("Input.Items[2]", Script), ("Input.Items[3]", Attribute));
        pages.AddRange(await FacilitatorViewsAsync(facilitator, session));

        // Step 3, compare: both sides hostile.
        await facilitator.NextAsync(session);
        await phone.AnswerAsync(session, ("Input.Left", Script + Attribute), ("Input.Right", Attribute + Script));
        pages.AddRange(await FacilitatorViewsAsync(facilitator, session));

        // Steps 4 and 5 take numbers and option positions only: script where a number belongs is refused.
        await facilitator.NextAsync(session);
        var rating = await phone.AnswerAsync(session, ("Input.Ratings[0]", Script), ("Input.Ratings[1]", "2"));
        Assert.Null(rating.Document.QuerySelector(".saved-badge"));
        await phone.AnswerAsync(session, ("Input.Ratings[0]", "1"), ("Input.Ratings[1]", "2"));
        await facilitator.NextAsync(session);
        var choice = await phone.AnswerAsync(session, ("Input.Choices", Script));
        Assert.Null(choice.Document.QuerySelector(".saved-badge"));
        await phone.AnswerAsync(session, ("Input.Choices", "1"));

        await facilitator.CloseAsync(session);
        var summary = await facilitator.GetAsync(session.SummaryUrl);
        pages.Add(summary);

        var texts = await StoredTextsAsync();
        Assert.Contains(Script, texts);
        Assert.Contains(Script + Attribute, texts);
        Assert.Contains(Attribute + Script, texts);
        var name = await App.QueryAsync(db => db.Participants.Select(p => p.DisplayName).SingleAsync());
        Assert.Equal(Script, name);
        foreach (var page in pages)
        {
            AssertInert(page);
        }

        // The words arrived on each page as text, not lost: the name with the answers, the answers on the projector and summary.
        Assert.Contains(Script, pages[0].Document.QuerySelector(".answers .author")!.TextContent);
        Assert.Contains(Script, pages[1].Document.QuerySelector(".wall")!.TextContent);
        Assert.Contains(Attribute, pages[3].Document.QuerySelector(".wall")!.TextContent);
        Assert.Contains(Script + Attribute, summary.Text);
        Assert.Contains(Attribute + Script, summary.Text);
        await AssertStillServingAsync(phone, session);
    }

    [Fact]
    public async Task Forged_hub_calls_are_refused_and_join_no_group()
    {
        var (facilitator, session, phone) = await RunningSessionAsync();
        var elsewhere = await facilitator.OpenSessionAsync("every-kind");
        await facilitator.StartAsync(elsewhere);
        var elsewherePhone = NewVisitor();
        await elsewherePhone.JoinWithCodeAsync(elsewhere.Code);
        var forged = await ConnectAsync(phone);
        var forgedState = Collect<LiveState>(forged, "state");
        var forgedChanges = Collect<string>(forged, "changed");
        var honest = await ConnectAsync(facilitator);
        var honestChanges = Collect<string>(honest, "changed");
        var honestPhone = await ConnectAsync(elsewherePhone);
        var honestState = Collect<LiveState>(honestPhone, "state");

        var watch = await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync<LiveState>("Watch", elsewhere.SessionId()));
        var follow = await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync<LiveState>("Follow", elsewhere.Code));
        var unknown = await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync<LiveState>("AddToGroupAsync", "f:" + elsewhere.SessionId().ToString("N")));
        var badArguments = await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync<LiveState>("Watch", Script));

        Assert.Contains("unauthorized", watch.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Join the session first", follow.Message);
        Assert.Contains("Method does not exist", unknown.Message);
        Assert.Contains("Failed to invoke 'Watch'", badArguments.Message);

        // The other session moves and takes an answer: its own pages hear it, the forged connection hears nothing.
        await honest.InvokeAsync<LiveState>("Watch", elsewhere.SessionId());
        await honestPhone.InvokeAsync<LiveState>("Follow", elsewhere.Code);
        await elsewherePhone.AnswerAsync(elsewhere, ("Input.Text", "Heard only by its own room"));
        await facilitator.NextAsync(elsewhere);
        Assert.Equal("answers", await honestChanges.WaitForAsync(c => c == "answers"));
        Assert.Equal(1, (await honestState.WaitForAsync(s => s.Step == 1)).Step);
        Assert.Empty(forgedState.Received);
        Assert.Empty(forgedChanges.Received);

        // The refused connection is still open and can follow the session its phone did join.
        Assert.Equal(HubConnectionState.Connected, forged.State);
        Assert.Equal(new LiveState("Running", 0), await forged.InvokeAsync<LiveState>("Follow", session.Code));
        await AssertStillServingAsync(phone, session);
    }

    [Fact]
    public async Task A_malformed_hub_frame_closes_only_that_connection()
    {
        var (_, session, phone) = await RunningSessionAsync();
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = phone.Cookies;
        var hub = new UriBuilder(new Uri(Server, SessionHub.Path)) { Scheme = Server.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(hub, timeout.Token);

        await SendFrameAsync(socket, "{\"protocol\":\"json\",\"version\":1}\u001e", timeout.Token);
        var handshake = await ReceiveAsync(socket, timeout.Token);
        await SendFrameAsync(socket, "{\"type\":1,\"target\":\"Follow\",\"arguments\":[\u001e", timeout.Token);
        var closing = await ReceiveUntilClosedAsync(socket, timeout.Token);

        Assert.Equal("{}\u001e", handshake);
        Assert.Contains("\"type\":7", closing, StringComparison.Ordinal);
        Assert.Equal(WebSocketState.CloseReceived, socket.State);
        await AssertStillServingAsync(phone, session);
    }

    private static void AssertInert(Page page)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var scripts = page.Document.QuerySelectorAll("script").ToList();
        // The one inline script allowed is the layout's import map in <head> (let in by the response's CSP nonce).
        Assert.All(scripts, s => Assert.True(s.HasAttribute("src") || (s.GetAttribute("type") == "importmap" && s.ParentElement == page.Document.Head),
            $"{page.Url} has an inline <script>: {s.OuterHtml}"));
        Assert.Empty(page.Document.QuerySelectorAll("img[src='x']"));
        var handlers = page.Document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(handlers.Select(a => a.Name + "=" + a.Value));
        Assert.Contains(Script, page.Text);
    }

    /// <summary>The control page and, once revealed, the projector for the current step.</summary>
    private static async Task<Page[]> FacilitatorViewsAsync(Visitor facilitator, RunningSession session)
    {
        var run = await facilitator.GetAsync(session.RunUrl);
        await facilitator.SubmitAsync(run, "form[action*='handler=Reveal']");
        var projector = await facilitator.GetAsync(session.RunUrl + "/present");
        return [await facilitator.GetAsync(session.RunUrl), projector];
    }

    private async Task<(Visitor Facilitator, RunningSession Session, Visitor Phone)> RunningSessionAsync()
    {
        var facilitator = NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phone = NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        return (facilitator, session, phone);
    }

    private static async Task<string> AnswerTokenAsync(Visitor phone, RunningSession session)
    {
        var page = await phone.GetAsync(session.PhoneUrl);
        return page.Document.QuerySelector("form[data-answer-form] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    /// <summary>
    /// A form post of <paramref name="length"/> bytes written straight to a socket, the way a script
    /// would: the server may answer (and hang up) before the body is all sent, so the response is read
    /// while the body is still going out. Returns the status and the page that came with it.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Page)> HugePostAsync(Visitor phone, string url, string head, int length)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Server.Host, Server.Port);
        var stream = tcp.GetStream();
        var headers = $"POST {url} HTTP/1.1\r\nHost: {Server.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            $"Content-Length: {length}\r\nCookie: {phone.Cookies.GetCookieHeader(Server)}\r\n\r\n{head}";
        var reading = Task.Run(async () =>
        {
            var received = new MemoryStream();
            var buffer = new byte[8192];
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    received.Write(buffer, 0, read);
                    var sofar = Encoding.UTF8.GetString(received.ToArray());
                    if (sofar.Contains("</html>", StringComparison.Ordinal) || sofar.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
            catch (IOException)
            {
                // The server hung up after answering: what arrived is the answer.
            }

            return Encoding.UTF8.GetString(received.ToArray());
        });
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(headers));
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (var sent = Encoding.ASCII.GetByteCount(head); sent < length && !reading.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, length - sent)));
            }
        }
        catch (IOException)
        {
            // Refused mid-body: the connection was closed on us, as it should be.
        }

        var response = await reading.WaitAsync(Patience);
        var statusLine = response.Split("\r\n", 2)[0];
        Assert.StartsWith("HTTP/1.1 ", statusLine, StringComparison.Ordinal);
        return ((HttpStatusCode)int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }

    private static async Task<HttpResponseMessage> RawPostAsync(Visitor phone, string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return await phone.Client.PostAsync(url, content);
    }

    /// <summary>The server still answers: the join page, the phone's own page and the health check.</summary>
    private static async Task AssertStillServingAsync(Visitor phone, RunningSession session)
    {
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/join")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync(session.PhoneUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/healthz")).StatusCode);
    }

    private Task<int> StoredAnswersAsync() => App.QueryAsync(db => db.Responses.CountAsync());

    private async Task<List<string>> StoredTextsAsync()
    {
        var responses = await App.QueryAsync(db => db.Responses.AsNoTracking().ToListAsync());
        return responses.SelectMany(r => r.Items).Select(i => i.Text).Where(t => t.Length > 0).ToList();
    }

    private static Task SendFrameAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        return text.ToString();
    }

    /// <summary>Everything the server sends until it closes the socket.</summary>
    private static async Task<string> ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var all = new StringBuilder();
        while (socket.State == WebSocketState.Open)
        {
            all.Append(await ReceiveAsync(socket, cancellationToken));
        }

        return all.ToString();
    }
}
