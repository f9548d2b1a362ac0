using System.Globalization;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>The facilitator's pages (catalogue, sessions, control page, projector) in Spanish.</summary>
public sealed class SpanishFacilitationTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;

    public SpanishFacilitationTests(EveryKindWorkshop app) => _app = app.NextTest();

    [Fact]
    public async Task A_facilitator_whose_browser_reads_spanish_runs_a_session_in_spanish()
    {
        var facilitator = _app.NewVisitor();
        facilitator.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await facilitator.SignUpAsync();

        var catalogue = await facilitator.GetAsync("/facilitate");
        Assert.Equal("Actividades", catalogue.H1);
        Assert.Contains("Iniciar una sesión", catalogue.Text);
        Assert.Contains("6 pasos", catalogue.Text);
        Assert.DoesNotContain("Start a session", catalogue.Text);
        Assert.DoesNotContain("Pick an activity", catalogue.Text);

        var start = await facilitator.GetAsync("/facilitate/start?activityId=every-kind");
        Assert.Equal("Iniciar «Every kind»", start.H1);
        Assert.Contains("Anónimas: no se piden ni se guardan nombres", start.Text);
        Assert.Contains("Abrir la sesión y mostrar el código", start.Text);
        Assert.DoesNotContain("Open the session", start.Text);

        var session = await facilitator.OpenSessionAsync("every-kind");
        var lobby = await facilitator.GetAsync(session.RunUrl);
        Assert.Contains("Esperando para empezar", lobby.Text);
        Assert.Contains("Abierta para unirse", lobby.Text);
        Assert.Equal("Código para unirse", lobby.Document.QuerySelector("#join-heading")!.TextContent);
        Assert.StartsWith("Código QR para ", lobby.Document.QuerySelector("svg.qr")!.GetAttribute("aria-label"));
        Assert.DoesNotContain("Waiting to start", lobby.Text);
        Assert.DoesNotContain("Join code", lobby.Text);

        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        var started = await facilitator.StartAsync(session);
        Assert.Contains("Paso 1 de 6", started.Text);
        Assert.Contains("Se han unido: 1", started.Text);
        Assert.Contains("Poner el temporizador", started.Text);
        Assert.DoesNotContain("Step 1 of 6", started.Text);
        Assert.DoesNotContain("Start timer", started.Text);

        var next = await facilitator.NextAsync(session);
        Assert.Contains("Paso 2 de 6", next.Text);
        Assert.Equal("Siguiente: paso 3", next.Document.QuerySelector("form[action*='handler=Next'] button")!.TextContent);
        Assert.Contains("Respuestas: 0 de 1", next.Text);
        Assert.DoesNotContain("Answers: 0 of 1", next.Text);

        var timed = await facilitator.SubmitAsync(next, "form[action*='handler=Timer']", ("minutes", "5"));
        Assert.Equal("Temporizador en marcha", timed.Document.QuerySelector("[data-timer]")!.TextContent);
        Assert.Contains("Parar el temporizador", timed.Text);
        Assert.Contains("+1 minuto", timed.Text);
        Assert.DoesNotContain("Stop timer", timed.Text);

        var projector = await facilitator.GetAsync(session.RunUrl + "/present");
        Assert.StartsWith("Proyector: Every kind", projector.Document.Title);
        Assert.Contains("Paso 2 de 6", projector.Text);
        Assert.Contains("únete con el código " + session.Code, projector.Text);
        Assert.Equal("El tiempo corre", projector.Document.QuerySelector("[data-timer]")!.TextContent);
        Assert.Contains("Han respondido 0 de 1", projector.Text);
        Assert.DoesNotContain("Time is running", projector.Text);

        var sessions = await facilitator.GetAsync("/facilitate/sessions");
        Assert.Equal("Sesiones", sessions.H1);
        Assert.Contains("En curso", sessions.Text);
        Assert.Contains("Creada (UTC)", sessions.Text);
        Assert.Contains(DateTime.UtcNow.ToString("d", CultureInfo.GetCultureInfo("es")), sessions.Document.QuerySelector("table.sessions time")!.TextContent);
        Assert.DoesNotContain("Every activity", sessions.Text);

        var run = await facilitator.GetAsync(session.RunUrl);
        var deleted = await facilitator.SubmitAsync(run, "form[action*='handler=Delete']");
        Assert.Equal("/facilitate/sessions", deleted.Url);
        Assert.Equal($"Se eliminó la sesión «Every kind» ({session.Code}) con todas sus respuestas.", deleted.Document.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.Contains("Todavía no hay sesiones.", deleted.Text);
        Assert.DoesNotContain("were deleted", deleted.Text);
    }

    [Fact]
    public async Task Starting_an_activity_that_left_the_catalogue_is_refused_in_spanish()
    {
        var facilitator = _app.NewVisitor();
        facilitator.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await facilitator.SignUpAsync();
        var start = await facilitator.GetAsync("/facilitate/start?activityId=two-team-compare");

        var refused = await facilitator.SubmitAsync(start, "form.start", ("activityId", "no-longer-here"));

        Assert.Equal("/facilitate/start", refused.Url.Split('?')[0]);
        Assert.Contains("Esa actividad ya no está en el catálogo; elige otra.", refused.FieldErrors);
        Assert.DoesNotContain("no longer in the catalogue", refused.Text);
    }

    [Fact]
    public async Task The_control_page_and_the_projector_follow_the_account_language_over_the_browser()
    {
        var laptop = _app.NewVisitor();
        laptop.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await laptop.SignUpAsync();
        var account = await laptop.GetAsync("/account");
        await laptop.SubmitAsync(account, "main form", ("Language", "es"));

        var session = await laptop.OpenSessionAsync("every-kind", "Named", "SelfPaced");
        var started = await laptop.StartAsync(session);
        var projector = await laptop.GetAsync(session.RunUrl + "/present");

        Assert.Contains("A su ritmo", started.Document.QuerySelector(".status")!.TextContent);
        Assert.Contains("Con nombres", started.Document.QuerySelector(".status")!.TextContent);
        Assert.Equal("Cada persona avanza a su ritmo. Elige un paso para ver sus respuestas.", started.Document.QuerySelector("table.progress caption")!.TextContent);
        Assert.Equal("Paso 1: What did you learn?", started.Document.QuerySelector("#step-heading")!.TextContent);
        Assert.DoesNotContain("Self-paced", started.Text);
        Assert.Equal("Por dónde va cada persona", projector.Document.QuerySelector("h2")!.TextContent);
        Assert.Contains("Avanza por los pasos a tu ritmo. Únete con el código " + session.Code + ".", projector.Text);
        Assert.DoesNotContain("Where everyone is", projector.Text);
    }
}
