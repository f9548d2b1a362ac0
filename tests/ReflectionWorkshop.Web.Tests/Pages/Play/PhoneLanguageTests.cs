using System.Globalization;
using System.Text.RegularExpressions;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>A participant's phone speaks its own language, whatever the other phones in the room speak.</summary>
public sealed partial class PhoneLanguageTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;

    public PhoneLanguageTests(EveryKindWorkshop app) => _app = app.NextTest();

    private Visitor Phone(string acceptLanguage)
    {
        var phone = _app.NewVisitor();
        phone.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        return phone;
    }

    [Fact]
    public async Task A_spanish_phone_and_an_english_phone_in_one_session_each_see_the_answer_page_in_their_own_language()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var spanish = Phone("es-ES,es;q=0.9");
        var english = Phone("en-US,en;q=0.9");

        var spanishLobby = await spanish.JoinWithCodeAsync(session.Code);
        var englishLobby = await english.JoinWithCodeAsync(session.Code);
        Assert.Equal("Ya estás dentro", spanishLobby.H1);
        Assert.Equal("You're in", englishLobby.H1);

        await facilitator.StartAsync(session);
        var enPage = await english.GetAsync(session.PhoneUrl);
        var esPage = await spanish.GetAsync(session.PhoneUrl);

        Assert.Equal("es", esPage.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Tu respuesta", esPage.Document.QuerySelector("label[for='answer-text']")!.TextContent.Trim());
        Assert.Equal("Guardar respuesta", SubmitText(esPage));
        Assert.Contains("Paso 1 de 6", esPage.Text);
        Assert.DoesNotContain("Save answer", esPage.Text);
        Assert.DoesNotContain("Step 1 of 6", esPage.Text);

        Assert.Equal("en", enPage.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Your answer", enPage.Document.QuerySelector("label[for='answer-text']")!.TextContent.Trim());
        Assert.Equal("Save answer", SubmitText(enPage));
        Assert.Contains("Step 1 of 6", enPage.Text);
        Assert.DoesNotContain("Guardar", enPage.Text);

        // The content is the activity's, the same on both phones; only the app's own words change.
        Assert.Equal("What did you learn?", esPage.H1);
        Assert.Equal("What did you learn?", enPage.H1);

        var esSaved = await spanish.AnswerAsync(session, ("Input.Text", "Escuchar primero"));
        var enSaved = await english.AnswerAsync(session, ("Input.Text", "Listen first"));
        Assert.Equal("Guardada", esSaved.Document.QuerySelector(".saved-badge")!.TextContent.Trim());
        Assert.Equal("Cambiar mi respuesta", esSaved.Document.QuerySelector("a[href$='?edit=true']")!.TextContent.Trim());
        Assert.Equal("Saved", enSaved.Document.QuerySelector(".saved-badge")!.TextContent.Trim());
        Assert.Equal("Change my answer", enSaved.Document.QuerySelector("a[href$='?edit=true']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_refused_answer_and_an_answer_that_arrived_too_late_are_explained_in_spanish()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phone = Phone("es");
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        var form = await phone.GetAsync(session.PhoneUrl);

        var refused = await phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", ""));
        Assert.Equal("Tu respuesta aún no está guardada", refused.Document.QuerySelector(".error-summary h2")!.TextContent.Trim());
        Assert.DoesNotContain("Your answer is not saved yet", refused.Text);

        await facilitator.NextAsync(session);
        var late = await phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", "Demasiado tarde"));
        Assert.Equal(
            "El grupo pasó al paso 2 antes de que llegara tu respuesta, así que tu respuesta al paso 1 no se guardó.",
            late.Document.QuerySelector(".alert p")!.TextContent.Trim());
        Assert.Equal("Lo que escribiste, para que puedas copiarlo", late.Document.QuerySelector("label[for='not-saved']")!.TextContent.Trim());
        Assert.Equal("Demasiado tarde", late.Document.QuerySelector("textarea#not-saved")!.TextContent);
    }

    [Fact]
    public async Task Each_kind_of_answer_form_speaks_spanish_around_the_activitys_own_words()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phone = Phone("es");
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);

        var text = await phone.GetAsync(session.PhoneUrl);
        Assert.Equal("Hasta 50 caracteres.", text.Document.QuerySelector("#answer-text-count")!.TextContent.Trim());

        await facilitator.NextAsync(session);
        var list = await phone.GetAsync(session.PhoneUrl);
        Assert.Equal(
            ["Characteristic 1", "Characteristic 2", "Characteristic 3 (opcional)", "Characteristic 4 (opcional)"],
            list.Document.QuerySelectorAll("form[data-answer-form] label").Select(l => l.TextContent.Trim()));

        await facilitator.NextAsync(session);
        await facilitator.NextAsync(session);
        await facilitator.NextAsync(session);
        var choice = await phone.GetAsync(session.PhoneUrl);
        Assert.Equal("Elige una opción", choice.Document.QuerySelector("fieldset.options legend")!.TextContent.Trim());

        await facilitator.NextAsync(session);
        var info = await phone.GetAsync(session.PhoneUrl);
        Assert.Contains("Aquí no hay nada que responder.", info.Text);
        Assert.Contains("Actualiza la página cuando quien facilita pase al siguiente paso.", info.Document.QuerySelector("noscript")!.TextContent);
        Assert.DoesNotContain("Nothing to answer here", info.Text);
    }

    [Fact]
    public async Task A_spanish_phone_keeps_its_answers_in_spanish_with_a_spanish_date_in_the_text_file()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phone = Phone("es");
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Escuchar primero"));
        await facilitator.CloseAsync(session);

        var thanks = await phone.GetAsync(session.PhoneUrl);
        Assert.Equal("Gracias", thanks.H1);
        var keep = thanks.Document.QuerySelector("a[href^='/mine/']")!;
        Assert.Equal("Guarda tus respuestas", keep.TextContent.Trim());

        var mine = await phone.GetAsync(keep.GetAttribute("href")!);
        Assert.Equal("Tus respuestas para guardar", mine.H1);
        Assert.Equal("Descargar como archivo de texto", mine.Document.QuerySelector("a[download]")!.TextContent.Trim());
        Assert.DoesNotContain("Your answers to keep", mine.Text);

        var file = (await phone.Client.GetStringAsync(keep.GetAttribute("href") + "?handler=Text")).ReplaceLineEndings("\n").TrimStart('\uFEFF').Split('\n');
        Assert.Equal("Every kind", file[0]);
        Assert.Matches(SpanishLongDate(), file[1]);
        Assert.Contains(CultureInfo.GetCultureInfo("es").DateTimeFormat.MonthNames.Where(m => m.Length > 0), m => file[1].Contains(m, StringComparison.Ordinal));
    }

    private static string SubmitText(Page page) =>
        page.Document.QuerySelector("form[data-answer-form] button[type=submit]")!.TextContent.Trim();

    // "martes, 1 de diciembre de 2026"
    [GeneratedRegex(@"^\w+, \d{1,2} de \w+ de \d{4}$")]
    private static partial Regex SpanishLongDate();
}
