using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Join;

/// <summary>The join pages speak the phone's language, and let the phone choose it before anything else.</summary>
public sealed class JoinLanguageTests : IClassFixture<SharedWorkshop>
{
    private readonly WorkshopFactory _app;

    public JoinLanguageTests(SharedWorkshop app) => _app = app.NextTest();

    private Visitor Phone(string acceptLanguage)
    {
        var phone = _app.NewVisitor();
        phone.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return phone;
    }

    [Fact]
    public async Task A_spanish_phone_sees_the_join_page_in_spanish_and_is_told_in_spanish_what_is_wrong_with_its_code()
    {
        var phone = Phone("es");

        var join = await phone.GetAsync("/join");

        Assert.Equal("Unirte a una sesión", join.H1);
        Assert.Equal("Código de la sesión", join.Document.QuerySelector("label[for='code']")!.TextContent.Trim());
        Assert.Equal("Entrar", join.Document.QuerySelector("main form.card button[type=submit]")!.TextContent.Trim());
        Assert.DoesNotContain("Session code", join.Text);

        var empty = await phone.SubmitAsync(join, "main form", ("Code", ""));
        Assert.Equal(["Escribe el código de 6 caracteres que aparece en la pantalla."], empty.FieldErrors);

        var malformed = await phone.SubmitAsync(join, "main form", ("Code", "hola"));
        Assert.Equal(["«hola» no es un código de sesión. Los códigos tienen 6 letras y cifras, como K7M2QP; vuelve a mirar la pantalla."], malformed.FieldErrors);

        var unknown = await phone.SubmitAsync(join, "main form", ("Code", "K7M2QP"));
        Assert.Equal(["No hay ninguna sesión con el código K7M2QP. Compáralo con el de la pantalla o pregunta a quien facilita."], unknown.FieldErrors);
        Assert.DoesNotContain("No session has the code", unknown.Text);
    }

    [Fact]
    public async Task The_join_page_offers_each_language_named_in_itself_near_the_top_with_the_current_one_pressed()
    {
        var join = await Phone("es-MX,es;q=0.9").GetAsync("/join");

        var choice = join.Document.QuerySelector("main > [role=group]")!;
        Assert.Same(choice, join.Document.QuerySelector("main")!.FirstElementChild);
        Assert.Equal("Idioma", join.Document.GetElementById(choice.GetAttribute("aria-labelledby")!)!.TextContent.Trim());
        var buttons = choice.QuerySelectorAll("button[type=submit][name=Culture][form=join-language]");
        Assert.Equal(["English", "Español"], buttons.Select(b => b.TextContent.Trim()));
        Assert.Equal(["en", "es"], buttons.Select(b => b.GetAttribute("lang")));
        Assert.Equal(["false", "true"], buttons.Select(b => b.GetAttribute("aria-pressed")));

        // The buttons' form posts to /language and comes back here; the join form is still the first form in main.
        var form = join.Document.GetElementById("join-language")!;
        Assert.Equal("/language", form.GetAttribute("action"));
        Assert.Equal("/join", form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        Assert.NotNull(join.Document.QuerySelector("main form")!.QuerySelector("input[name=Code]"));
    }

    [Fact]
    public async Task Choosing_spanish_on_the_join_page_is_remembered_on_the_phone_over_its_browser_language()
    {
        var phone = Phone("en");
        var join = await phone.GetAsync("/join");
        Assert.Equal("Join a session", join.H1);

        var chosen = await phone.PostAsync(join, "#join-language", ("Culture", "es"));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/join", chosen.Headers.Location!.OriginalString);
        var again = await phone.GetAsync("/join");
        Assert.Equal("Unirte a una sesión", again.H1);
        Assert.Equal("es", again.Document.DocumentElement.GetAttribute("lang"));

        var back = await phone.PostAsync(again, "#join-language", ("Culture", "en"));
        Assert.Equal("/join", back.Headers.Location!.OriginalString);
        Assert.Equal("Join a session", (await phone.GetAsync("/join")).H1);
    }

    [Fact]
    public async Task The_qr_link_page_speaks_spanish_and_its_language_choice_returns_to_the_same_link()
    {
        var session = await _app.NewVisitor().OpenSessionAsync("two-team-compare", "Named");
        var phone = Phone("en");
        var link = await phone.GetAsync("/j/" + session.Code);
        Assert.Equal("Your name", link.Document.QuerySelector("label[for='name']")!.TextContent.Trim());

        var chosen = await phone.PostAsync(link, "#join-language", ("Culture", "es"));
        Assert.Equal("/j/" + session.Code, chosen.Headers.Location!.OriginalString);

        var spanish = await phone.GetAsync("/j/" + session.Code);
        Assert.StartsWith("Entrar en «", spanish.H1);
        Assert.Equal("Tu nombre", spanish.Document.QuerySelector("label[for='name']")!.TextContent.Trim());
        Assert.Contains("quien facilita verá tu nombre", spanish.Text);
        Assert.DoesNotContain("Your name", spanish.Text);

        var joined = await phone.SubmitAsync(spanish, "main form", ("DisplayName", "Lucía"));
        Assert.Equal(session.PhoneUrl, joined.Url);
        Assert.Equal("Ya estás dentro", joined.H1);
        Assert.Contains("Has entrado como Lucía.", joined.Text);
    }

    [Fact]
    public async Task A_link_to_no_session_explains_in_spanish()
    {
        var page = await Phone("es").GetAsync("/j/K7M2QP");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Este enlace no lleva a ninguna sesión", page.H1);
        Assert.Contains("No hay ninguna sesión con el código K7M2QP.", page.FieldErrors.Single());
        Assert.Equal("Escribe el código a mano", page.Document.QuerySelector("main a.button[href='/join']")!.TextContent.Trim());
        Assert.DoesNotContain("This link does not open a session", page.Text);
    }
}
