using System.Net;
using ReflectionWorkshop.TestSupport;

namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// A phone or laptop browser on the app: the shared <see cref="FormBrowser"/> (GET pages, read and post their
/// forms, follow redirects, keep cookies) plus the account it signed up with.
/// </summary>
public sealed class Visitor(HttpClient client, CookieContainer cookies) : FormBrowser(client, cookies)
{
    /// <summary>The account this browser signed up with, if any.</summary>
    public string? Email { get; set; }

    /// <summary>What a browser would send for the form: its target and its fields as they are, with <paramref name="fields"/> filled in.</summary>
    public static (string Target, List<KeyValuePair<string, string>> Values) FormValues(Page page, string formSelector, (string Name, string Value)[] fields)
    {
        var form = ReadForm(page, formSelector, fields);
        return (form.Action, [.. form.Fields]);
    }
}
