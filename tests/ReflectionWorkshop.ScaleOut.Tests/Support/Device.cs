using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ReflectionWorkshop.ScaleOut.Tests.Support;

/// <summary>
/// A phone or a laptop in the room: its own address on the loopback network (127.0.0.x, so nginx's
/// <c>hash $remote_addr</c> pins it to one instance as it would a real device), its own cookies, and the
/// live channel through nginx over a WebSocket. Two devices may share cookies: one browser whose address changed.
/// </summary>
public sealed class Device(string name, IPAddress source, Uri server, CookieContainer? cookies = null) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private HttpClient? _client;

    public string Name { get; } = name;

    public IPAddress Source { get; } = source;

    public Uri Server { get; } = server;

    public CookieContainer Cookies { get; } = cookies ?? new CookieContainer();

    public HttpClient Client => _client ??= new HttpClient(Handler(Source, Cookies)) { BaseAddress = Server, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Which instance nginx sends this device to now (X-Upstream of a /healthz).</summary>
    public async Task<string> UpstreamAsync()
    {
        using var response = await Client.GetAsync("/healthz");
        return LastUpstream(response);
    }

    /// <summary>The instance that finally answered (nginx lists every one it tried).</summary>
    public static string LastUpstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? values.Last().Split(',').Last().Trim() : "";

    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await FollowAsync(response, url);
    }

    public async Task<Page> SubmitAsync(Page page, string formSelector, params (string Name, string Value)[] fields) =>
        await FollowAsync(await PostAsync(page, formSelector, fields), page.Url);

    /// <summary>Posts a form read from <paramref name="page"/> (hidden antiforgery token included) with fields changed.</summary>
    public Task<HttpResponseMessage> PostAsync(Page page, string formSelector, params (string Name, string Value)[] fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url} ({page.Status}).\n{page.Text}");
        var values = new List<KeyValuePair<string, string>>();
        var overridden = fields.Select(f => f.Name).ToHashSet();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !overridden.Contains(input.Name):
                    if ((input.Type is "radio" or "checkbox" && !input.IsChecked) || input.Type is "submit")
                    {
                        continue;
                    }

                    values.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !overridden.Contains(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = form.GetAttribute("action");
        return Client.PostAsync(string.IsNullOrEmpty(action) ? page.Url : action, new FormUrlEncodedContent(values));
    }

    /// <summary>Opens the live channel through nginx, WebSockets only, from this device's address and with its cookies.</summary>
    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server, "/hubs/session"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => Handler(Source, Cookies);
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var socket = new ClientWebSocket();
                    var cookieHeader = Cookies.GetCookieHeader(Server);
                    if (cookieHeader.Length > 0)
                    {
                        socket.Options.SetRequestHeader("Cookie", cookieHeader);
                    }

                    using var invoker = new HttpMessageInvoker(Handler(Source, null));
                    await socket.ConnectAsync(context.Uri, invoker, cancellationToken);
                    return socket;
                };
            })
            .Build();
        lock (_connections)
        {
            _connections.Add(connection);
        }

        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _client?.Dispose();
    }

    private static SocketsHttpHandler Handler(IPAddress source, CookieContainer? cookies) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    private async Task<Page> FollowAsync(HttpResponseMessage response, string url)
    {
        var upstream = LastUpstream(response);
        for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            url = response.Headers.Location!.OriginalString;
            response = await Client.GetAsync(url);
            upstream = LastUpstream(response);
        }

        var html = await response.Content.ReadAsStringAsync();
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute.PathAndQuery : url;
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost" + path));
        return new Page(path, response.StatusCode, document, upstream);
    }
}

/// <summary>A fetched page: where it was, its status, its HTML, and which instance served it.</summary>
public sealed record Page(string Url, HttpStatusCode Status, IDocument Document, string Upstream)
{
    public string Text => Document.Body?.TextContent ?? "";
}
