using System.Net;
using ReflectionWorkshop.TestSupport;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// One browser (a phone or the facilitator's laptop) on a real server: the shared <see cref="FormBrowser"/>
/// (pages, forms with their antiforgery token, cookies) over a connection pool of its own, as a browser has.
/// </summary>
public sealed class Browser : FormBrowser, IDisposable
{
    private readonly SocketsHttpHandler _connections;

    public Browser(Uri server)
        : this(server, new CookieContainer())
    {
    }

    private Browser(Uri server, CookieContainer cookies)
        : this(server, cookies, new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            // As a browser does over HTTP/1.1: at most six connections to one server; further requests wait their turn.
            MaxConnectionsPerServer = 6,
        })
    {
    }

    private Browser(Uri server, CookieContainer cookies, SocketsHttpHandler connections)
        : base(new HttpClient(connections, disposeHandler: false) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) }, cookies)
    {
        Server = server;
        _connections = connections;
    }

    public Uri Server { get; }

    /// <summary>
    /// For a SignalR client's HTTP requests (negotiate): this browser's own connection pool, as a browser's
    /// fetch shares its keep-alive connection with its page loads; the hub's disposal leaves it open.
    /// </summary>
    public HttpMessageHandler SharedConnections() => new Borrowed(_connections);

    public void Dispose()
    {
        Client.Dispose();
        _connections.Dispose();
    }

    private sealed class Borrowed(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The pool belongs to the browser, which disposes it.
        }
    }
}
