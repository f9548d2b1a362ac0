using System.Text;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>
/// The theme board, the summary and the comparison in Spanish for a Spanish-speaking facilitator, and the
/// exports in the session's language whoever downloads them.
/// </summary>
public sealed class ReviewPagesInSpanishTests : IClassFixture<ReviewPagesInSpanishTests.App>
{
    /// <summary>The app the tests of this class share, with the activities they use.</summary>
    public sealed class App() : SharedWorkshop(("every-kind.md", TestActivities.EveryKind), ("equipos-es.md", Spanish));

    private const string Spanish = """
        ---
        id: equipos-es
        title: Dos equipos
        purpose: Qué distinguía al equipo que funcionó.
        language: es
        ---

        ## list: ¿Qué distinguía al equipo que funcionó?
        min: 1
        max: 2
        item-label: Característica
        """;

    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public ReviewPagesInSpanishTests(ReviewPagesInSpanishTests.App app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    private void Speak(string language)
    {
        _facilitator.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        _facilitator.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    /// <summary>A session of <paramref name="activity"/> where one phone answered the first step; set up in English.</summary>
    private async Task<RunningSession> AnsweredAsync(string activity, params (string Name, string Value)[] answer)
    {
        Speak("en");
        var session = await _facilitator.OpenSessionAsync(activity);
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, answer);
        return session;
    }

    [Fact]
    public async Task The_theme_board_speaks_spanish_and_so_do_its_messages()
    {
        var session = await AnsweredAsync("every-kind", ("Input.Text", "Trust"));
        Speak("es");

        var board = await _facilitator.GetAsync($"{session.RunUrl}/themes/1");
        var added = await _facilitator.SubmitAsync(board, "form[action*='handler=Add']", ("name", "Confianza"));
        var second = await _facilitator.SubmitAsync(added, "form[action*='handler=Add']", ("name", "Roles"));
        var refused = await _facilitator.SubmitAsync(second, "form[action*='handler=Merge']", ("into", ""));

        Assert.Equal("Temas del paso 1: What did you learn?", board.H1);
        Assert.Equal("Temas: paso 1 · Reflection Workshop", board.Document.Title);
        foreach (var spanish in (string[])["← Volver a la sesión", "1 tarjeta", "Sin tema", "Proponer borradores de temas", "Tema nuevo", "Añadir tema", "Mover a"])
        {
            Assert.Contains(spanish, board.Text);
        }

        foreach (var english in (string[])["Back to the session", "1 card", "Unthemed", "Draft themes for me", "New theme", "Add theme", "Move to"])
        {
            Assert.DoesNotContain(english, board.Text);
        }

        Assert.Equal("Herramientas del tablero", board.Document.QuerySelector("section.board-tools")!.GetAttribute("aria-label"));
        Assert.Contains("Has añadido el tema “Confianza”. Cada tarjeta suelta ofrece ahora sus temas más probables: un toque la ubica.", added.Text);
        Assert.Contains("Cambiar el nombre, dividir, unir o eliminar", second.Text);
        Assert.Contains("Elige el tema con el que quieres unirlo.", refused.FieldErrors);
        Assert.DoesNotContain("Choose the theme to merge into.", refused.Text);
    }

    [Fact]
    public async Task The_summary_page_speaks_the_viewers_language_and_its_downloads_the_sessions()
    {
        var session = await AnsweredAsync("every-kind", ("Input.Text", "Trust"));
        await _facilitator.CloseAsync(session);
        Speak("es");

        var summary = await _facilitator.GetAsync(session.SummaryUrl);
        var saved = await _facilitator.SubmitAsync(summary, "#note-0 form", ("note", "Hay que *volver* a esto."));
        var markdown = await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Markdown");

        Assert.Equal("Resumen: Every kind · Reflection Workshop", summary.Document.Title);
        foreach (var spanish in (string[])["Descargar:", "Todas las respuestas (.csv)", "Facilitación a cargo de", "1 respuesta", "Añadir una nota sobre este paso", "Guardar la nota"])
        {
            Assert.Contains(spanish, summary.Text);
        }

        foreach (var english in (string[])["Download:", "Every answer (.csv)", "Facilitated by", "1 answer", "Add a note on this step", "Save note"])
        {
            Assert.DoesNotContain(english, summary.Text);
        }

        Assert.Contains("Hemos guardado tu nota sobre el paso 1.", saved.Text);
        Assert.Contains("Editar tu nota sobre este paso", saved.Text);

        // An English session's export stays English, whoever downloads it.
        Assert.StartsWith("# Every kind", markdown.TrimStart('\uFEFF'));
        Assert.Contains("- Facilitated by Fran Facilitator", markdown);
        Assert.Contains("### Facilitator's note", markdown);
        Assert.DoesNotContain("Facilitación", markdown);
    }

    [Fact]
    public async Task A_spanish_session_downloaded_by_an_english_speaking_coach_comes_out_in_spanish()
    {
        var session = await AnsweredAsync("equipos-es", ("Input.Items[0]", "Confianza"), ("Input.Items[1]", "=1+1"));
        await _facilitator.CloseAsync(session);

        var page = await _facilitator.GetAsync(session.SummaryUrl);
        var markdown = await _facilitator.Client.GetStringAsync($"{session.SummaryUrl}?handler=Markdown");
        var csv = Encoding.UTF8.GetString(await _facilitator.Client.GetByteArrayAsync($"{session.SummaryUrl}?handler=Csv")).TrimStart('\uFEFF');

        Assert.Contains("Facilitated by", page.Text);
        Assert.StartsWith("# Dos equipos", markdown.TrimStart('\uFEFF'));
        Assert.Contains("- Facilitación a cargo de Fran Facilitator", markdown);
        Assert.Contains("- Celebrada el ", markdown);
        Assert.Contains("1 respuesta\n\n### Respuestas\n\n- Confianza", markdown.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Facilitated by", markdown);
        Assert.StartsWith("Sesión,Actividad,Paso,Pregunta,Tipo,", csv);
        Assert.Contains(",Participante 1,", csv);
        Assert.Contains("'=1+1", csv);
        Assert.DoesNotContain(",=1+1", csv);
    }

    [Fact]
    public async Task The_comparison_speaks_spanish_with_spanish_numbers_and_refuses_in_spanish()
    {
        async Task<RunningSession> RatedAsync(int benevolence, int reliability)
        {
            Speak("en");
            var session = await _facilitator.OpenSessionAsync("every-kind");
            var phone = _app.NewVisitor();
            await phone.JoinWithCodeAsync(session.Code);
            await _facilitator.StartAsync(session);
            for (var i = 0; i < 3; i++)
            {
                await _facilitator.NextAsync(session);
            }

            await phone.AnswerAsync(session, ("Input.Ratings[0]", benevolence.ToString()), ("Input.Ratings[1]", reliability.ToString()));
            await _facilitator.CloseAsync(session);
            return session;
        }

        var fall = await RatedAsync(1, 2);
        var spring = await RatedAsync(3, 2);
        var fallId = fall.RunUrl.Split('/')[^1];
        var springId = spring.RunUrl.Split('/')[^1];
        Speak("es");

        var compared = await _facilitator.GetAsync($"/facilitate/sessions/compare?ids={fallId}&ids={springId}");
        var refused = await _facilitator.GetAsync($"/facilitate/sessions/compare?ids={fallId}");

        Assert.Equal("Comparación: Every kind", compared.H1);
        Assert.Contains("Valoraciones: la media de cada sesión", compared.Text);
        var rows = compared.Document.QuerySelectorAll("table.compare-runs tbody tr").Select(tr => string.Join("|", tr.Children.Skip(1).Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["1,0 (1)|3,0 (1)|+2,0", "2,0 (1)|2,0 (1)|0,0"], rows);
        Assert.DoesNotContain("Ratings: the average per run", compared.Text);
        Assert.Contains("Marca al menos dos sesiones de la lista para compararlas.", refused.FieldErrors);
        Assert.DoesNotContain("Tick at least two sessions", refused.Text);
    }
}
