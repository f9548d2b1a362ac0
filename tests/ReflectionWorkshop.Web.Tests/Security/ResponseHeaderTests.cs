using System.Net;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>The headers every response carries and the flags on every cookie the app sets.</summary>
public sealed class ResponseHeaderTests : IClassFixture<SharedWorkshop>
{
    private readonly WorkshopFactory _app;

    public ResponseHeaderTests(SharedWorkshop app) => _app = app.NextTest();

    [Theory]
    [InlineData("/")]
    [InlineData("/join")]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    [InlineData("/facilitate")]
    public async Task Every_response_carries_the_security_headers_and_no_server_header(string path)
    {
        var visitor = _app.NewVisitor();
        await visitor.SignUpAsync();

        var response = await visitor.Client.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_anonymous_redirect_to_sign_in_carries_the_security_headers_too()
    {
        var response = await _app.NewVisitor().Client.GetAsync("/facilitate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_real_server_names_no_server_software()
    {
        // The test server never sends a Server header; only Kestrel itself shows whether it is switched off.
        using var kestrel = new WorkshopFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var client = kestrel.CreateClient();

        var response = await client.GetAsync("/join");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_account_cookie_is_http_only_and_same_site_lax()
    {
        var visitor = _app.NewVisitor();
        var register = await visitor.GetAsync("/account/register");

        var response = await visitor.PostAsync(
            register,
            "main form",
            ("Input.DisplayName", "Cookie Checker"),
            ("Input.Email", "cookies@example.org"),
            ("Input.Password", WorkshopSteps.Password),
            ("Input.ConfirmPassword", WorkshopSteps.Password));

        AssertFlags(SetCookie(response, "rw-account"));
    }

    [Fact]
    public async Task The_participant_cookie_is_http_only_and_same_site_lax()
    {
        var session = await _app.NewVisitor().OpenSessionAsync("two-team-compare");
        var phone = _app.NewVisitor();
        var join = await phone.GetAsync("/join");

        var response = await phone.PostAsync(join, "main form", ("Code", session.Code));

        Assert.Equal("/s/" + session.Code, response.RedirectTarget());
        AssertFlags(SetCookie(response, ParticipantCookie.Name(session.Code)));
    }

    [Fact]
    public async Task The_current_space_cookie_is_http_only_and_same_site_lax()
    {
        var visitor = _app.NewVisitor();
        await visitor.SignUpAsync(spaceName: null);
        var spaces = await visitor.GetAsync("/spaces");

        var response = await visitor.PostAsync(spaces, "form[action*='handler=Create']", ("Name", "Cookie team"));

        AssertFlags(SetCookie(response, "rw-space"));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(" ", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["same-origin"], response.Headers.GetValues("Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"), "The response names its server: " + response.Headers.Server);
    }

    private static string SetCookie(HttpResponseMessage response, string name)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
    }

    private static void AssertFlags(string setCookie)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }
}
