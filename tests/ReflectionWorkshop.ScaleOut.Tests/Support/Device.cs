using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ReflectionWorkshop.ScaleOut.Tests.Support;

/// <summary>
/// A phone or a laptop in the room: its own address on the loopback network (127.0.0.x, so nginx's
/// <c>hash $remote_addr</c> pins it to one instance as it would a real device), its own cookies, and the
/// live channel through nginx over a WebSocket. Two devices may share cookies: one browser whose address changed.
/// Pages and forms go through the shared <see cref="FormBrowser"/>.
/// </summary>
public sealed class Device : FormBrowser, IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];

    /// <param name="cookies">The cookies of a browser seen before (the same browser from another address), or none.</param>
    public Device(string name, IPAddress source, Uri server, CookieContainer? cookies = null)
        // Arguments are evaluated in order: the handler and the browser get the same container.
        : base(new HttpClient(Handler(source, cookies ??= new CookieContainer())) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) }, cookies)
    {
        Name = name;
        Source = source;
        Server = server;
    }

    public string Name { get; }

    public IPAddress Source { get; }

    public Uri Server { get; }

    /// <summary>Which instance nginx sends this device to now (X-Upstream of a /healthz).</summary>
    public async Task<string> UpstreamAsync()
    {
        using var response = await Client.GetAsync("/healthz");
        return LastUpstream(response);
    }

    /// <summary>The instance that finally answered (nginx lists every one it tried).</summary>
    public static string LastUpstream(HttpResponseMessage response) => LastUpstream(response.Headers);

    /// <inheritdoc cref="LastUpstream(HttpResponseMessage)"/>
    public static string LastUpstream(System.Net.Http.Headers.HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues("X-Upstream", out var values) ? values.Last().Split(',').Last().Trim() : "";

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

        Client.Dispose();
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
}

/// <summary>Which instance served a page (the X-Upstream header nginx adds).</summary>
public static class PageUpstream
{
    extension(Page page)
    {
        public string Upstream => Device.LastUpstream(page.Headers);
    }
}
