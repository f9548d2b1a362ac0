using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Infrastructure.Identity;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.TestOidc;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>
/// Single sign-on (issue 22) against a real OpenID Connect provider (OpenIddict, tests/ReflectionWorkshop.TestOidc)
/// on 127.0.0.1: the app on real Kestrel too, the browser a real HTTP client with its own cookies, so the redirects,
/// the discovery document, the code exchange and the token's keys all cross real HTTP.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private const string Provider = "District";
    private const string SignInButton = "button[name='provider'][value='District']";

    private TestOidcProvider _provider = null!;
    private WorkshopFactory _app = null!;
    private Uri _server = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        _app = new WorkshopFactory(_provider.SettingsFor(Provider, "District"));
        _server = _app.StartOnKestrel();
        _provider.AllowRedirect(new Uri(_server, "/signin-district"));
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_first_sign_in_makes_the_account_with_the_providers_proven_email_and_a_second_finds_it()
    {
        _provider.Person = new TestPerson("pat@district.example", "Pat Provider");

        var landed = await SignInThroughProviderAsync(NewBrowser());
        var again = NewBrowser();
        var second = await SignInThroughProviderAsync(again);
        var account = await again.GetAsync("/account");

        // A new account goes to make its space; a returning one to /facilitate, which sends a person without a space on to /spaces.
        Assert.Equal("/spaces", landed.Url);
        Assert.Equal("/spaces", second.Url);
        Assert.Equal(HttpStatusCode.OK, account.Status);
        Assert.Contains("pat@district.example", account.Text);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = Assert.Single(await users.Users.ToListAsync());
        Assert.Equal("Pat Provider", user.DisplayName);
        Assert.True(user.EmailConfirmed);
        Assert.False(await users.HasPasswordAsync(user));
        // The first account of an installation is its administrator, however it was made (as with registering).
        Assert.True(user.IsAdministrator);
        var login = Assert.Single(await users.GetLoginsAsync(user));
        Assert.Equal("sso-district", login.LoginProvider);
        Assert.Equal(_provider.Person.SubjectOrDefault, login.ProviderKey);
    }

    [Fact]
    public async Task The_sign_in_page_shows_a_button_per_configured_provider_and_none_without_settings()
    {
        var withProvider = await NewBrowser().GetAsync("/account/login");
        using var plain = new WorkshopFactory();
        var without = await plain.NewVisitor().GetAsync("/account/login");

        Assert.Equal("Sign in with District", withProvider.Document.QuerySelector(SignInButton)?.TextContent.Trim());
        Assert.Contains(_provider.Authority.GetLeftPart(UriPartial.Authority), withProvider.Headers!.GetValues("Content-Security-Policy").Single());
        Assert.Null(without.Document.QuerySelector("button[name='provider']"));
        Assert.DoesNotContain("Sign in with", without.Text);
    }

    [Fact]
    public async Task A_token_issued_for_another_audience_is_refused_and_nobody_is_signed_in()
    {
        _provider.Trouble = TokenTrouble.WrongAudience;
        var browser = NewBrowser();

        var landed = await SignInThroughProviderAsync(browser);
        var facilitate = await browser.Client.GetAsync("/facilitate");

        Assert.Equal(1, _provider.IdTokensIssued);
        Assert.StartsWith("/account/login?problem=failed", landed.Url);
        Assert.Contains("Signing in with District did not work, so you are not signed in.", landed.Text);
        Assert.Equal(HttpStatusCode.Redirect, facilitate.StatusCode);
        Assert.Contains(_app.Logs, line => line.Contains("Single sign-on through District failed", StringComparison.Ordinal) && line.Contains("IDX10214", StringComparison.Ordinal)); // audience validation failed
        Assert.Empty(await AccountsAsync());
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_nobody_is_signed_in()
    {
        _provider.Trouble = TokenTrouble.Expired;
        var browser = NewBrowser();

        var landed = await SignInThroughProviderAsync(browser);
        var facilitate = await browser.Client.GetAsync("/facilitate");

        Assert.Equal(1, _provider.IdTokensIssued);
        Assert.StartsWith("/account/login?problem=failed", landed.Url);
        Assert.Contains("Signing in with District did not work", landed.Text);
        Assert.Equal(HttpStatusCode.Redirect, facilitate.StatusCode);
        Assert.Contains(_app.Logs, line => line.Contains("Single sign-on through District failed", StringComparison.Ordinal) && line.Contains("IDX10223", StringComparison.Ordinal)); // lifetime validation failed: expired
        Assert.Empty(await AccountsAsync());
    }

    [Fact]
    public async Task A_domain_outside_the_administrators_list_is_refused_with_a_clear_message_and_one_on_it_gets_in()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync("admin@district.example", spaceName: null);
        var saved = await admin.SubmitAsync(await admin.GetAsync("/admin"), "form[action*='handler=Domains']", ("Domains", "district.example\n@Schools.District.Example"));

        _provider.Person = new TestPerson("sam@elsewhere.example", "Sam Stranger");
        var refused = await SignInThroughProviderAsync(NewBrowser());
        _provider.Person = new TestPerson("dee@schools.district.example", "Dee District");
        var admitted = await SignInThroughProviderAsync(NewBrowser());

        Assert.Contains("Single sign-on now admits only addresses at: district.example, schools.district.example.", saved.Text);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(
            "Signing in with District is only for addresses at district.example, schools.district.example. The address of the District account you used is not one of them, so you are not signed in. Use your district account, or ask your administrator.",
            refused.Document.QuerySelector("#sso-problem")?.TextContent.Trim());
        Assert.Equal("/spaces", admitted.Url);
        Assert.Equal(["admin@district.example", "dee@schools.district.example"], (await AccountsAsync()).Order());
    }

    [Fact]
    public async Task The_domain_refusal_is_said_in_spanish_to_a_spanish_browser()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync("admin@district.example", spaceName: null);
        await admin.SubmitAsync(await admin.GetAsync("/admin"), "form[action*='handler=Domains']", ("Domains", "district.example"));
        _provider.Person = new TestPerson("sam@elsewhere.example", "Sam Stranger");
        var browser = NewBrowser();
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var refused = await SignInThroughProviderAsync(browser);

        Assert.StartsWith("El inicio de sesión con District es solo para direcciones de district.example.", refused.Document.QuerySelector("#sso-problem")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_administrator_is_told_which_entries_are_no_domains_and_nothing_is_saved()
    {
        var admin = NewBrowser();
        await admin.SignUpAsync("admin@district.example", spaceName: null);

        var adminPage = await admin.GetAsync("/admin");
        var refused = await admin.SubmitAsync(adminPage, "form[action*='handler=Domains']", ("Domains", "district.example, not a domain!, x"));

        Assert.Contains("People can sign in with: District.", adminPage.Text);
        Assert.Contains("These are not domains: not, a, domain!, x.", refused.Document.QuerySelector("#sso-domains-error")?.TextContent);
        Assert.Equal("true", refused.Document.QuerySelector("#sso-domains")?.GetAttribute("aria-invalid"));
        Assert.Contains("district.example, not a domain!, x", refused.Document.QuerySelector("#sso-domains")?.TextContent);
        using var scope = _app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AppDbContext>().SignInDomains.ToListAsync());
    }

    [Fact]
    public async Task An_account_with_the_same_email_is_linked_only_after_its_password_is_typed()
    {
        var owner = NewBrowser();
        await owner.SignUpAsync("ana@district.example", name: "Ana Owner", spaceName: null);
        _provider.Person = new TestPerson("ana@district.example", "Ana Provider");
        var browser = NewBrowser();

        var asked = await SignInThroughProviderAsync(browser);
        var wrong = await browser.SubmitAsync(asked, "#link-account", ("Input.Password", "not her password"));
        var stillOut = await browser.Client.GetAsync("/facilitate");
        var linked = await browser.SubmitAsync(wrong, "#link-account", ("Input.Password", WorkshopSteps.Password));
        var nextTime = await SignInThroughProviderAsync(NewBrowser());

        Assert.StartsWith("/account/external", asked.Url);
        Assert.Contains("You signed in with District as ana@district.example, and an account here already has that address.", asked.Text);
        Assert.Contains("That is not this account's password. Nothing was linked.", wrong.Text);
        Assert.Equal(HttpStatusCode.Redirect, stillOut.StatusCode);
        Assert.Equal("/spaces", linked.Url);
        Assert.Equal("/spaces", nextTime.Url);
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var ana = Assert.Single(await users.Users.ToListAsync());
        Assert.Equal("Ana Owner", ana.DisplayName);
        Assert.Single(await users.GetLoginsAsync(ana));
    }

    [Fact]
    public async Task An_email_the_provider_did_not_prove_makes_no_account_and_links_none()
    {
        var owner = NewBrowser();
        await owner.SignUpAsync("ana@district.example", spaceName: null);
        _provider.Person = new TestPerson("ana@district.example", "Mallory", EmailVerified: false);

        var refused = await SignInThroughProviderAsync(NewBrowser());
        _provider.Person = new TestPerson("new@district.example", "Mallory", EmailVerified: false);
        var refusedNew = await SignInThroughProviderAsync(NewBrowser());

        Assert.Equal("District has not confirmed the email address of your account, so it cannot sign you in here. Confirm the address with District, or sign in with your email and password.", refused.Document.QuerySelector("#sso-problem")?.TextContent.Trim());
        Assert.StartsWith("/account/login?problem=unverified", refusedNew.Url);
        Assert.Equal(["ana@district.example"], await AccountsAsync());
        using var scope = _app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<AppDbContext>().UserLogins.ToListAsync());
    }

    /// <summary>A browser on the app's real address: its own cookies, redirects followed by <see cref="FormBrowser"/> (also to the provider).</summary>
    private Visitor NewBrowser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _server };
        return new Visitor(client, cookies);
    }

    /// <summary>Presses "Sign in with District", then the provider's sign-in button, and returns where the browser ends.</summary>
    private static async Task<Page> SignInThroughProviderAsync(Visitor browser)
    {
        var login = await browser.GetAsync("/account/login");
        var atProvider = await browser.ClickAsync(login, SignInButton);
        Assert.Equal("Test provider", atProvider.H1);
        return await browser.ClickAsync(atProvider, "#" + TestOidcProvider.SignInButtonId);
    }

    private async Task<List<string>> AccountsAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Select(u => u.Email!).ToListAsync();
    }
}
