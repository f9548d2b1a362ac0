using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>
/// One browser (a phone or the facilitator's laptop): its own cookies and connection, GETs pages, reads their
/// forms (the hidden antiforgery token included) and posts them back with the fields a person fills in.
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public Browser(Uri server)
    {
        Server = server;
        _connections = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            // As a browser does over HTTP/1.1: at most six connections to one server; further requests wait their turn.
            MaxConnectionsPerServer = 6,
        };
        Client = new HttpClient(_connections, disposeHandler: false)
        {
            BaseAddress = server,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    private readonly SocketsHttpHandler _connections;

    public Uri Server { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    /// <summary>The page at the end of any redirects.</summary>
    public async Task<WebPage> GetAsync(string url, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 6; hops++)
        {
            using var response = await Client.GetAsync(url, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                url = response.Headers.Location!.OriginalString;
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            return new WebPage(PathOf(url), response.StatusCode, await Parser.ParseDocumentAsync(html, cancellationToken));
        }

        throw new InvalidOperationException($"Too many redirects from {url}.");
    }

    /// <summary>The form's fields as a browser would post them, with <paramref name="fields"/> filled in.</summary>
    public static FormPost Read(WebPage page, string formSelector, params (string Name, string Value)[] fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url} (status {(int)page.Status}): {Shorten(page.Document.Body?.TextContent)}");
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
        return new FormPost(string.IsNullOrEmpty(action) ? page.Url : action, values);
    }

    public async Task<HttpResponseMessage> PostAsync(FormPost form, CancellationToken cancellationToken) =>
        await Client.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields), cancellationToken);

    /// <summary>Posts a form and follows the redirect, as a browser without script does.</summary>
    public async Task<WebPage> SubmitAsync(WebPage page, string formSelector, CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        var form = Read(page, formSelector, fields);
        using var response = await PostAsync(form, cancellationToken);
        if (IsRedirect(response.StatusCode))
        {
            return await GetAsync(response.Headers.Location!.OriginalString, cancellationToken);
        }

        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return new WebPage(PathOf(form.Action), response.StatusCode, await Parser.ParseDocumentAsync(html, cancellationToken));
    }

    public static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther;

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

    private static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute.PathAndQuery
            : url;

    private static string Shorten(string? text)
    {
        var flat = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 300 ? flat[..300] + "…" : flat;
    }
}

public sealed record WebPage(string Url, HttpStatusCode Status, IHtmlDocument Document);

public sealed record FormPost(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields);
