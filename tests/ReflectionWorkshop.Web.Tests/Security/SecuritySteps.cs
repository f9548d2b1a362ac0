using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>What the security tests do besides clicking: read the database, craft a post, read a redirect.</summary>
internal static class SecuritySteps
{
    private static readonly Uri Base = new("http://localhost");

    public static Guid SessionId(this RunningSession session) =>
        Guid.Parse(session.RunUrl["/facilitate/sessions/".Length..]);

    /// <summary>The space the visitor is working in, read from the "Working here" row of /spaces.</summary>
    public static async Task<Guid> CurrentSpaceIdAsync(this Visitor visitor)
    {
        var spaces = await visitor.GetAsync("/spaces");
        var row = spaces.Document.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Working here"));
        return Guid.Parse(row.QuerySelector("a[href^='/spaces/']")!.GetAttribute("href")!["/spaces/".Length..]);
    }

    /// <summary>Creates an invite link in a space the facilitator runs and returns its path (/invite/...).</summary>
    public static async Task<string> CreateInviteLinkAsync(this Visitor facilitator, Guid spaceId, string role)
    {
        var details = await facilitator.GetAsync($"/spaces/{spaceId}");
        var withLink = await facilitator.SubmitAsync(details, "form[action*='handler=Invite']", ("role", role));
        return new Uri(withLink.Document.QuerySelector("#invite-link")!.GetAttribute("value")!).PathAndQuery;
    }

    /// <summary>
    /// A hand-made post, as someone would send it with a tool: the visitor's own (valid) antiforgery
    /// token taken from a page they can open, sent to an address whose form they were never shown.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithOwnTokenAsync(this Visitor visitor, string url, params (string Name, string Value)[] fields)
    {
        var page = await visitor.GetAsync("/spaces");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {page.Url}.");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await visitor.Client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>Where a redirect points, as a local path and query.</summary>
    public static string? RedirectTarget(this HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect
            ? new Uri(Base, response.Headers.Location!).PathAndQuery
            : null;

    /// <summary>Runs a query against the app's own database.</summary>
    public static async Task<T> QueryAsync<T>(this WorkshopFactory app, Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The value of a cookie the app set on this browser, or null.</summary>
    public static string? CookieValue(this Visitor visitor, string name) =>
        visitor.Cookies.GetCookies(Base)[name]?.Value;

    /// <summary>Puts a cookie into the browser by hand, replacing one of the same name.</summary>
    public static void SetCookie(this Visitor visitor, string name, string value) =>
        visitor.Cookies.Add(Base, new Cookie(name, value, "/"));
}
