using System.Collections.Concurrent;
using System.Net;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>
/// Over HTTPS every cookie is Secure and the browser is told to stay on HTTPS (issue 18, "Also expected"); over plain
/// HTTP (a laptop in a classroom) cookies still work.
/// </summary>
public sealed class HttpsTests : IDisposable
{
    private readonly WorkshopFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_cookie_set_over_https_is_secure()
    {
        var seen = new SetCookies();
        var laptop = _app.NewVisitor(new Uri("https://localhost"), seen);
        var phone = _app.NewVisitor(new Uri("https://localhost"), seen);

        // Antiforgery on every form, the account, the current space, TempData (the "space created" message),
        // the language picked in the footer, and the participant cookie of a phone that joins.
        await laptop.SignUpAsync();
        await laptop.SubmitAsync(await laptop.GetAsync("/facilitate"), "form.language-picker", ("Culture", "es"));
        var session = await laptop.OpenSessionAsync("two-team-compare");
        await phone.JoinWithCodeAsync(session.Code);

        var names = seen.All.Select(c => c.Split('=')[0]).ToHashSet();
        foreach (var expected in new[] { "rw-account", "rw-space", "rw-lang", ParticipantCookie.Name(session.Code), ".AspNetCore.Mvc.CookieTempDataProvider" })
        {
            Assert.Contains(expected, names);
        }

        Assert.Contains(names, n => n.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.All(seen.All, cookie => Assert.Contains("secure", Attributes(cookie)));
    }

    [Fact]
    public async Task Over_plain_http_cookies_are_not_marked_secure_so_a_laptop_on_the_school_network_still_works()
    {
        var seen = new SetCookies();
        var laptop = _app.NewVisitor(new Uri("http://localhost"), seen);

        await laptop.SignUpAsync();

        Assert.Contains(seen.All, c => c.StartsWith("rw-account=", StringComparison.Ordinal));
        Assert.All(seen.All, cookie => Assert.DoesNotContain("secure", Attributes(cookie)));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/spaces")).Status);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task Https_responses_outside_development_tell_the_browser_to_stay_on_https(string path)
    {
        // A real host name: the framework never sends HSTS to localhost, so a developer's other local sites keep working.
        using var client = _app.CreateClient(new() { BaseAddress = new Uri("https://workshop.example.org"), AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(["max-age=31536000"], response.Headers.GetValues("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Plain_http_responses_carry_no_hsts()
    {
        using var client = _app.CreateClient(new() { BaseAddress = new Uri("http://workshop.example.org"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_nginx_a_request_taken_over_https_gets_hsts_and_secure_cookies()
    {
        // Real Kestrel, so the request comes from the loopback address like nginx's, which the app trusts for X-Forwarded-Proto.
        using var kestrel = new WorkshopFactory();
        var address = kestrel.StartOnKestrel();
        using var client = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "workshop.example.org";
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["max-age=31536000"], response.Headers.GetValues("Strict-Transport-Security"));
        var antiforgery = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains("secure", Attributes(antiforgery));
    }

    private static List<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();

    /// <summary>Every Set-Cookie header a browser received, whichever response carried it.</summary>
    private sealed class SetCookies : DelegatingHandler
    {
        private readonly ConcurrentQueue<string> _all = new();

        public IReadOnlyCollection<string> All => _all;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                _all.Enqueue(cookie);
            }

            return response;
        }
    }
}
