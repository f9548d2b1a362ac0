using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// Drives the app the way a browser does: GETs pages, reads their forms (hidden antiforgery token
/// included) and posts them back with the fields a person would fill in.
/// </summary>
public sealed class Visitor(HttpClient client, CookieContainer cookies)
{
    public HttpClient Client { get; } = client;

    /// <summary>The account this browser signed up with, if any.</summary>
    public string? Email { get; set; }

    /// <summary>This browser's cookies: hand them to a new factory to bring the same phone back after a restart.</summary>
    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The page at the end of any redirects, with the final address.</summary>
    public async Task<Page> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await FollowAsync(response, url);
    }

    /// <summary>Posts the form chosen by <paramref name="formSelector"/> with the given fields changed.</summary>
    public async Task<Page> SubmitAsync(Page page, string formSelector, params (string Name, string Value)[] fields)
    {
        var response = await PostAsync(page, formSelector, fields);
        return await FollowAsync(response, page.Url);
    }

    /// <summary>Posts a form and returns the raw response (to assert a redirect or a status).</summary>
    public async Task<HttpResponseMessage> PostAsync(Page page, string formSelector, params (string Name, string Value)[] fields)
    {
        var (target, values) = FormValues(page, formSelector, fields);
        return await Client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts a form as the answer page's script does (fetch, <c>X-Requested-With: fetch</c>) and returns the raw
    /// response and, when it is a page, the page.
    /// </summary>
    public async Task<(HttpResponseMessage Response, Page? Page)> PostAsScriptAsync(Page page, string formSelector, params (string Name, string Value)[] fields)
    {
        var (target, values) = FormValues(page, formSelector, fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("X-Requested-With", "fetch");
        var response = await Client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response, null);
        }

        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost" + PathOf(target)));
        return (response, new Page(PathOf(target), response.StatusCode, document));
    }

    /// <summary>What a browser would send for the form: its fields as they are, with <paramref name="fields"/> filled in.</summary>
    /// <summary>
    /// Clicks a submit button as a browser does: posts its form with the button's own name and value, to the
    /// button's formaction when it has one, and follows the redirect.
    /// </summary>
    public async Task<Page> ClickAsync(Page page, string buttonSelector, params (string Name, string Value)[] fields)
    {
        var button = page.Document.QuerySelector<IHtmlButtonElement>(buttonSelector)
            ?? throw new InvalidOperationException($"No button matches '{buttonSelector}' on {page.Url}.\n{page.Document.Body?.TextContent}");
        var form = button.Form ?? throw new InvalidOperationException($"The button '{buttonSelector}' is in no form.");
        var pressed = string.IsNullOrEmpty(button.Name) ? fields : [.. fields, (button.Name, button.Value)];
        var (target, values) = FormValues(page, form, pressed);
        if (button.GetAttribute("formaction") is { Length: > 0 } formAction)
        {
            target = formAction;
        }

        return await FollowAsync(await Client.PostAsync(target, new FormUrlEncodedContent(values)), page.Url);
    }

    public static (string Target, List<KeyValuePair<string, string>> Values) FormValues(Page page, string formSelector, (string Name, string Value)[] fields) =>
        FormValues(page, page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {page.Url}.\n{page.Document.Body?.TextContent}"), fields);

    private static (string Target, List<KeyValuePair<string, string>> Values) FormValues(Page page, IHtmlFormElement form, (string Name, string Value)[] fields)
    {
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
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !overridden.Contains(select.Name):
                    // A browser sends the selected option, or the first when none is marked.
                    if ((select.SelectedOptions.FirstOrDefault() ?? select.Options.FirstOrDefault()) is { } option)
                    {
                        values.Add(new(select.Name, option.Value));
                    }

                    break;
            }
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? page.Url : action, values);
    }

    private async Task<Page> FollowAsync(HttpResponseMessage response, string url)
    {
        for (var hops = 0; hops < 5 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hops++)
        {
            url = response.Headers.Location!.OriginalString;
            response = await Client.GetAsync(url);
        }

        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address("http://localhost" + PathOf(url)));
        return new Page(PathOf(url), response.StatusCode, document);
    }

    private static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            ? absolute.PathAndQuery
            : url; // on Linux "/path?query" parses as an absolute file: URI, which would mangle the query
}

/// <summary>A fetched page: where it was, its status, and its parsed HTML.</summary>
public sealed record Page(string Url, HttpStatusCode Status, IDocument Document)
{
    public string Text => Document.Body?.TextContent ?? "";

    public string H1 => Document.QuerySelectorAll("h1").Single().TextContent.Trim();

    public IReadOnlyList<string> FieldErrors => Document.QuerySelectorAll(".field-error, .alert, .error-summary li").Select(e => e.TextContent.Trim()).ToList();
}
