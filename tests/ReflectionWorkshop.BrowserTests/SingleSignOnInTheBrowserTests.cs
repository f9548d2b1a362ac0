using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using ReflectionWorkshop.TestOidc;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// Single sign-on end to end in Chromium (issue 22): the app and a real OpenID Connect provider (OpenIddict,
/// tests/ReflectionWorkshop.TestOidc), each on its own 127.0.0.1 port; the browser goes from the sign-in page to the
/// provider's page and back, and lands signed in.
/// </summary>
public sealed class SingleSignOnInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private TestOidcProvider? _provider;

    /// <summary>The app points at this class's own provider, so it runs an app of its own.</summary>
    protected override bool OwnApp => true;

    protected override async Task BeforeTheAppStartsAsync(LiveWorkshop app)
    {
        _provider = await TestOidcProvider.StartAsync();
        foreach (var (key, value) in _provider.SettingsFor("District", "District"))
        {
            app.Settings[key] = value;
        }
    }

    protected override async Task AfterTheAppStoppedAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [ChromiumFact]
    public Task A_person_signs_in_with_the_districts_provider_on_a_phone_and_lands_signed_in() => RunAsync(async () =>
    {
        _provider!.AllowRedirect(new Uri(Server, "/signin-district"));
        _provider.Person = new TestPerson("rosa@district.example", "Rosa Rivera");
        var screen = await OpenAsync("phone", 360, 740, phone: true);
        var page = screen.Page;

        await page.GotoAsync("account/login");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign in with District" });
        await Expect(button).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The sign-in page scrolls sideways at 360 px.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page, "sign-in with single sign-on"));
        await Screenshot(screen, "sso-sign-in-360.png");
        Phase("sign-in page shows the provider's button");

        // By keyboard: the button is reachable and pressed with Enter, like any other.
        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(_provider.Authority.AbsoluteUri) + "connect/authorize"));
        Phase("at the provider");
        await page.Locator("#" + TestOidcProvider.SignInButtonId).ClickAsync(new() { Timeout = 30_000 });

        await page.WaitForURLAsync(new Regex("/spaces$"));
        Phase("back, signed in");
        await page.GotoAsync("account");
        await Expect(page.GetByText("rosa@district.example").First).ToBeVisibleAsync();
        Assert.Equal(1, _provider.IdTokensIssued);
        AssertNoErrors();
    });

    [ChromiumFact]
    public Task A_person_whose_address_has_an_account_links_it_with_its_password_and_lands_signed_in() => RunAsync(async () =>
    {
        _provider!.AllowRedirect(new Uri(Server, "/signin-district"));
        var laptop = await OpenAsync("laptop", 1280, 900, phone: false);
        await laptop.Page.GotoAsync("account/register");
        await laptop.Page.Locator("[name='Input.DisplayName']").FillAsync("Ana Admin");
        await laptop.Page.Locator("[name='Input.Email']").FillAsync("ana@district.example");
        await laptop.Page.Locator("[name='Input.Password']").FillAsync("correct horse battery");
        await laptop.Page.Locator("[name='Input.ConfirmPassword']").FillAsync("correct horse battery");
        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await laptop.Page.WaitForURLAsync(new Regex("/spaces$"));
        Phase("Ana has an account with a password");

        _provider.Person = new TestPerson("ana@district.example", "Ana from the district");
        var screen = await OpenAsync("phone", 360, 740, phone: true);
        var page = screen.Page;
        await page.GotoAsync("account/login");
        // A click waits for the navigation it starts; the way to the provider (the app reads its discovery document
        // first) is a page load, so it gets a page load's 30 s, not a check's 10.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with District" }).ClickAsync(new() { Timeout = 30_000 });
        await page.WaitForURLAsync(new Regex("^" + Regex.Escape(_provider.Authority.AbsoluteUri) + "connect/authorize"));
        await page.Locator("#" + TestOidcProvider.SignInButtonId).ClickAsync(new() { Timeout = 30_000 });
        await page.WaitForURLAsync(new Regex("/account/external"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Link your account", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The link page scrolls sideways at 360 px.");
        Assert.Empty(await Axe.SeriousViolationsAsync(page, "link your account"));
        await Screenshot(screen, "sso-link-360.png");
        Phase("asked for the account's password");

        // By keyboard: the password field has focus, Enter sends it.
        await page.GetByLabel("Password of the account ana@district.example").FillAsync("correct horse battery");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/spaces$"));
        await page.GotoAsync("account");
        await Expect(page.GetByText("ana@district.example").First).ToBeVisibleAsync();
        Phase("linked and signed in");
        AssertNoErrors();
    });
}
