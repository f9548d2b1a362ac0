using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Localization;

/// <summary>How a page chooses its language: account, then this device's choice, then the browser.</summary>
public sealed class LanguageTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    [Fact]
    public async Task The_browser_language_is_the_default()
    {
        var app = shared.NextTest();
        var phone = app.NewVisitor();
        phone.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9,en;q=0.5");

        var home = await phone.GetAsync("/");

        Assert.Equal("es", home.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Unirte a una sesión", home.Text);
        Assert.DoesNotContain("Join a session", home.Text);
    }

    [Fact]
    public async Task A_language_we_do_not_speak_falls_back_to_english()
    {
        var app = shared.NextTest();
        var phone = app.NewVisitor();
        phone.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fi");

        var home = await phone.GetAsync("/");

        Assert.Equal("en", home.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Join a session", home.Text);
    }

    [Fact]
    public async Task Choosing_a_language_in_the_footer_is_remembered_on_this_device_and_returns_to_the_page()
    {
        var app = shared.NextTest();
        var phone = app.NewVisitor();
        phone.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var home = await phone.GetAsync("/");

        var response = await phone.PostAsync(home, "form.language-picker", ("Culture", "es"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var again = await phone.GetAsync("/");
        Assert.Equal("es", again.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Español", again.Document.QuerySelector("#language-choice option[selected]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_join_page_offers_its_languages_once_at_the_top_and_a_link_to_no_session_in_the_footer()
    {
        var app = shared.NextTest();
        var phone = app.NewVisitor();
        foreach (var url in new[] { "/join", "/j/ZZZZZZ" })
        {
            var page = await phone.GetAsync(url);
            var switches = page.Document.QuerySelectorAll(".language-picker");
            Assert.Single(switches);
            Assert.Equal(url == "/join" ? "DIV" : "FORM", switches[0].TagName);
        }
    }

    [Fact]
    public async Task An_unknown_language_is_refused_with_a_message_and_changes_nothing()
    {
        var app = shared.NextTest();
        var phone = app.NewVisitor();
        var page = await phone.GetAsync("/language");

        var refused = await phone.SubmitAsync(page, "main form", ("Culture", "xx"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Choose one of the languages in the list.", refused.FieldErrors);
        Assert.Equal("en", (await phone.GetAsync("/")).Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Leaving_the_site_through_the_language_form_is_not_possible()
    {
        var app = shared.NextTest();
        var phone = app.NewVisitor();
        var page = await phone.GetAsync("/");

        var response = await phone.PostAsync(page, "form.language-picker", ("Culture", "es"), ("ReturnUrl", "https://evil.example/"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_facilitators_language_lives_in_the_account_and_follows_them_to_another_device()
    {
        var app = shared.NextTest();
        var laptop = app.NewVisitor();
        await laptop.SignUpAsync(email: "lucia@example.org", name: "Lucía");
        var account = await laptop.GetAsync("/account");
        Assert.Equal("Your account", account.H1);

        var saved = await laptop.SubmitAsync(account, "main form", ("Language", "es"));

        Assert.Equal("Tu cuenta", saved.H1);
        Assert.Contains("Hemos guardado tu idioma.", saved.Text);

        // Another device whose browser asks for English still gets the account's language once signed in.
        var tablet = app.NewVisitor();
        tablet.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var login = await tablet.GetAsync("/account/login");
        await tablet.SubmitAsync(login, "main form", ("Input.Email", "lucia@example.org"), ("Input.Password", WorkshopSteps.Password));
        var there = await tablet.GetAsync("/account");
        Assert.Equal("Tu cuenta", there.H1);
    }
}
