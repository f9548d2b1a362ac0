using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ReflectionWorkshop.TestSupport;

/// <summary>
/// A browser without script: GETs pages (following redirects), reads a form as a browser would submit it
/// (hidden antiforgery token included) and sends it back with the fields a person fills in, keeping its cookies
/// in <see cref="Cookies"/>. The one form poster of the web tests (<c>Visitor</c>), the scale-out tests
/// (<c>Device</c>) and the bench (<c>Browser</c>); each only brings its own <see cref="HttpClient"/>.
/// </summary>
public class FormBrowser(HttpClient client, CookieContainer cookies)
{
    /// <summary>Redirects followed after one request; past that the page is taken as it is.</summary>
    private const int MaxRedirects = 5;

    public HttpClient Client { get; } = client;

    /// <summary>This browser's cookies (the client's handler must use the same container).</summary>
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The page at the end of any redirects, with the final address.</summary>
    public Task<Page> GetAsync(string url) => GetAsync(url, CancellationToken.None);

    /// <inheritdoc cref="GetAsync(string)"/>
    public async Task<Page> GetAsync(string url, CancellationToken cancellationToken) =>
        await FollowAsync(await Client.GetAsync(url, cancellationToken), url, cancellationToken);

    /// <summary>Submits the form chosen by <paramref name="formSelector"/> with the given fields changed, and follows the redirect.</summary>
    public Task<Page> SubmitAsync(Page page, string formSelector, params (string Name, string Value)[] fields) =>
        SubmitAsync(page, formSelector, CancellationToken.None, fields);

    /// <inheritdoc cref="SubmitAsync(Page, string, ValueTuple{string, string}[])"/>
    public async Task<Page> SubmitAsync(Page page, string formSelector, CancellationToken cancellationToken, params (string Name, string Value)[] fields) =>
        await FollowAsync(await SendAsync(ReadForm(page, formSelector, fields), cancellationToken), page.Url, cancellationToken);

    /// <summary>Submits a form and returns the raw response (to assert a redirect or a status).</summary>
    public Task<HttpResponseMessage> PostAsync(Page page, string formSelector, params (string Name, string Value)[] fields) =>
        SendAsync(ReadForm(page, formSelector, fields));

    /// <summary>
    /// Clicks a submit button (<c>&lt;button&gt;</c> or <c>&lt;input type=submit&gt;</c>) as a browser does: submits its
    /// form with the button's own name and value, to its <c>formaction</c> (and <c>formmethod</c>) when it has one,
    /// and follows the redirect.
    /// </summary>
    public async Task<Page> ClickAsync(Page page, string buttonSelector, params (string Name, string Value)[] fields)
    {
        var button = page.Document.QuerySelector(buttonSelector)
            ?? throw new InvalidOperationException($"No button matches '{buttonSelector}' on {page.Url}.\n{page.Text}");
        return await FollowAsync(await SendAsync(ReadForm(page, button, fields)), page.Url, CancellationToken.None);
    }

    /// <summary>
    /// Submits a form as the answer page's script does (fetch, <c>X-Requested-With: fetch</c>) and returns the raw
    /// response and, when it is a page (200), the page.
    /// </summary>
    public async Task<(HttpResponseMessage Response, Page? Page)> PostAsScriptAsync(Page page, string formSelector, params (string Name, string Value)[] fields)
    {
        var form = ReadForm(page, formSelector, fields);
        using var request = form.ToRequest();
        request.Headers.Add("X-Requested-With", "fetch");
        var response = await Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response, null);
        }

        return (response, await Page.ParseAsync(form.Action, response, await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Sends a form read with <see cref="ReadForm(Page, string, ValueTuple{string, string}[])"/>; the response is the caller's.</summary>
    public async Task<HttpResponseMessage> SendAsync(FormPost form, CancellationToken cancellationToken = default)
    {
        using var request = form.ToRequest();
        return await Client.SendAsync(request, cancellationToken);
    }

    /// <summary>What a browser would send for the form: its fields as they are, with <paramref name="fields"/> filled in.</summary>
    public static FormPost ReadForm(Page page, string formSelector, params (string Name, string Value)[] fields) =>
        ReadForm(
            page,
            page.Document.QuerySelector<IHtmlFormElement>(formSelector)
                ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url} (status {(int)page.Status}).\n{page.Text}"),
            submitter: null,
            fields);

    /// <summary>What a browser would send when <paramref name="button"/> is clicked: its form, the button's name and value, its formaction.</summary>
    public static FormPost ReadForm(Page page, IElement button, params (string Name, string Value)[] fields)
    {
        var form = button switch
        {
            IHtmlButtonElement b when b.Type is "submit" => b.Form,
            IHtmlInputElement i when i.Type is "submit" or "image" => i.Form,
            _ => throw new InvalidOperationException($"'{button.OuterHtml}' on {page.Url} is not a submit button."),
        };
        return ReadForm(page, form ?? throw new InvalidOperationException($"The button '{button.OuterHtml}' on {page.Url} is in no form."), button, fields);
    }

    /// <summary>
    /// The form's successful controls in tree order, as a browser builds its form data: named, enabled inputs
    /// (checkboxes and radios only when checked, a checkbox without a value as "on"; no file, reset or button
    /// inputs), textareas, each select's selected options (or its first option when none is marked), and the
    /// clicked button; any control named in <paramref name="fields"/> is left out and the fields are added at the end.
    /// </summary>
    public static FormPost ReadForm(Page page, IHtmlFormElement form, IElement? submitter, params (string Name, string Value)[] fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        var overridden = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || overridden.Contains(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when !input.IsDisabled:
                    if (input.Type is "submit" or "image")
                    {
                        if (ReferenceEquals(input, submitter))
                        {
                            values.Add(new(name, input.Value));
                        }
                    }
                    else if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            values.Add(new(name, input.HasAttribute("value") ? input.Value : "on"));
                        }
                    }
                    else if (input.Type is not ("file" or "reset" or "button"))
                    {
                        values.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlTextAreaElement area when !area.IsDisabled:
                    values.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select when !select.IsDisabled:
                    var chosen = select.SelectedOptions.Where(o => !o.IsDisabled).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.FirstOrDefault(o => !o.IsDisabled) is { } first)
                    {
                        chosen.Add(first);
                    }

                    values.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case IHtmlButtonElement button when !button.IsDisabled && ReferenceEquals(button, submitter):
                    values.Add(new(name, button.Value));
                    break;
            }
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = Attribute(submitter, "formaction") ?? Attribute(form, "action") ?? page.Url;
        var method = Attribute(submitter, "formmethod") ?? Attribute(form, "method") ?? "get";
        return new FormPost(action, values, method.Equals("post", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Post : HttpMethod.Get);
    }

    public static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther;

    /// <summary>Reads the response at the end of any redirects into a page; <paramref name="url"/> is where the first one came from.</summary>
    private async Task<Page> FollowAsync(HttpResponseMessage response, string url, CancellationToken cancellationToken)
    {
        try
        {
            for (var hops = 0; hops < MaxRedirects && IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hops++)
            {
                url = location.OriginalString;
                response.Dispose();
                response = await Client.GetAsync(url, cancellationToken);
            }

            return await Page.ParseAsync(url, response, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        finally
        {
            response.Dispose();
        }
    }

    private static string? Attribute(IElement? element, string name) =>
        element?.GetAttribute(name) is { Length: > 0 } value ? value : null;
}

/// <summary>A form as a browser would send it: where, how, and the name/value pairs in order.</summary>
public sealed record FormPost(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, HttpMethod Method)
{
    /// <summary>The first value sent under <paramref name="name"/>, or null when the form sends none.</summary>
    public string? Value(string name) => Fields.FirstOrDefault(f => f.Key == name) is { Key: not null } field ? field.Value : null;

    /// <summary>The same form with <paramref name="fields"/> typed in: as <see cref="FormBrowser.ReadForm(Page, string, (string Name, string Value)[])"/>
    /// does, the controls they name are left out and they are added at the end.</summary>
    public FormPost With(params (string Name, string Value)[] fields)
    {
        var named = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return this with { Fields = [.. Fields.Where(f => !named.Contains(f.Key)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))] };
    }

    /// <summary>The request: a POST with the fields url-encoded, or a GET with them in the query.</summary>
    public HttpRequestMessage ToRequest()
    {
        if (Method == HttpMethod.Post)
        {
            return new HttpRequestMessage(HttpMethod.Post, Action) { Content = new FormUrlEncodedContent(Fields) };
        }

        var query = string.Join('&', Fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var target = Action.Split('#')[0].Split('?')[0];
        return new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? target : target + "?" + query);
    }
}

/// <summary>A fetched page: where it was (path and query), its status, its parsed HTML and the response's headers.</summary>
public sealed record Page(string Url, HttpStatusCode Status, IDocument Document)
{
    /// <summary>The headers of the response the page came from (empty for a page built by hand).</summary>
    public System.Net.Http.Headers.HttpResponseHeaders? Headers { get; init; }

    public string Text => Document.Body?.TextContent ?? "";

    public string H1 => Document.QuerySelectorAll("h1").Single().TextContent.Trim();

    public IReadOnlyList<string> FieldErrors => Document.QuerySelectorAll(".field-error, .alert, .error-summary li").Select(e => e.TextContent.Trim()).ToList();

    /// <summary>Parses <paramref name="html"/> as the page at <paramref name="url"/> (relative links resolve against http://localhost).</summary>
    public static async Task<Page> ParseAsync(string url, HttpResponseMessage response, string html)
    {
        var path = PathOf(url);
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost" + path));
        return new Page(path, response.StatusCode, document) { Headers = response.Headers };
    }

    /// <summary>The path and query of an address; "/path?query" is kept as it is (on Linux it parses as an absolute file: URI).</summary>
    public static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute.PathAndQuery
            : url;
}
