using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Tests.Reports;

/// <summary>
/// Exports speak the session's language (its activity's), not the language of whoever downloads them:
/// a Spanish session exported by an English-speaking coach comes out in Spanish, dates and numbers too.
/// </summary>
public sealed class ExportLanguageTests
{
    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Reports", "golden-summary.md");

    /// <summary>Runs <paramref name="action"/> as if the viewer's language were <paramref name="culture"/>, and checks it is put back.</summary>
    private static T AsViewer<T>(string culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var viewer = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = viewer;
        CultureInfo.CurrentUICulture = viewer;
        try
        {
            var result = action();
            Assert.Equal(viewer, CultureInfo.CurrentUICulture);
            Assert.Equal(viewer, CultureInfo.CurrentCulture);
            return result;
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }

    [Fact]
    public void A_spanish_session_exported_by_an_english_speaking_coach_has_spanish_headings_dates_and_numbers()
    {
        var markdown = AsViewer("en", () => SummaryMarkdown.Document(FixedSession.Build(language: "es"))).ReplaceLineEndings("\n");

        Assert.Contains("- Facilitación a cargo de Fran Facilitator\n", markdown);
        Assert.Contains("- Espacio del equipo: Lakeside leadership team\n", markdown);
        Assert.Contains("- Celebrada el 20 de noviembre de 2026, 09:03 UTC (42 minutos)\n", markdown);
        Assert.Contains("- 2 participantes, de forma anónima\n", markdown);
        Assert.Contains("- Código de la sesión: ABC234\n", markdown);
        Assert.Contains("## 1. Two teams\n\n2 respuestas\n\n### Temas\n", markdown);
        Assert.Contains("| Tema | Went well | Struggled | Mencionado sobre todo en |", markdown);
        Assert.Contains("**Roles** (1 respuesta)", markdown);
        Assert.Contains("### Sin tema\n", markdown);
        Assert.Contains("| Tema | Respuestas | Votos |", markdown);
        Assert.Contains("### Nota de quien facilita\n", markdown);
        Assert.Contains("Votaron 2 personas, 2 puntos cada una", markdown);
        Assert.Contains("| Puesto | Tema | Puntos | Personas |", markdown);
        Assert.Contains("| Aspecto | Low | High | Media (1–2) |\n| --- | --- | --- | --- |\n| In this group | 1 | 1 | 1,5 |", markdown);
        Assert.Contains("| Opción | Elegida por |", markdown);
        Assert.Contains("*Un paso para leer o conversar; sin respuestas.*", markdown);

        // The session's content (titles, labels, answers) is left as it was written.
        Assert.Contains("> We \\*trusted\\* each other", markdown);
        foreach (var english in (string[])["Facilitated by", "Team space", "Run on", "answers", "### Themes", "Mostly named by", "Facilitator's note", "people voted", "Average", "Picked by", "A step to read"])
        {
            Assert.DoesNotContain(english, markdown);
        }
    }

    [Fact]
    public void An_english_session_exported_by_a_spanish_speaking_coach_still_reads_as_the_golden_file()
    {
        var markdown = AsViewer("es", () => SummaryMarkdown.Document(FixedSession.Build()));

        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), markdown.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_summary_page_text_follows_the_viewer_while_the_export_follows_the_session()
    {
        var report = FixedSession.Build();

        var page = AsViewer("es", () => string.Concat(SummaryMarkdown.Sections(report).Select(s => s.Markdown)));

        Assert.Contains("Celebrada el 20 de noviembre de 2026", page);
        Assert.Contains("Run on 20 November 2026", SummaryMarkdown.Document(report));
    }

    [Fact]
    public void The_csv_of_a_spanish_session_has_spanish_headings_and_aliases_and_still_escapes_formulas()
    {
        var bytes = AsViewer("en", () => ResponsesCsv.Write(FixedSession.Build(language: "es")));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Sesión,Actividad,Paso,Pregunta,Tipo,Lado,Elemento,Valor,Etiqueta del valor,Tema,Puntos del tema,Puntos,Participante,Respondida (UTC)", lines[0]);
        Assert.Contains("ABC234,Team | check-in,1,Two teams,compare,Went well,We *trusted* each other,,,Trust,,,Participante 1,2026-11-20 09:04:00", lines);
        Assert.Contains(lines, l => l.Contains("'=SUM(A1:A9) nobody owned it", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=SUM", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Participant ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_word_document_of_a_spanish_session_is_spanish_and_marked_as_spanish()
    {
        var report = FixedSession.Build(language: "es");
        var bytes = AsViewer("en", () => SummaryDocx.Write(SummaryMarkdown.Document(report), report.Session.Activity.Title, ReportLanguage.Of(report.Session)));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal(["Tema", "Went well", "Struggled", "Mencionado sobre todo en"], body.Elements<Table>().First().Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal("es-ES", document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<Languages>().Single().Val!.Value);
    }

    [Fact]
    public void A_session_in_a_language_the_app_does_not_speak_is_exported_in_english()
    {
        var markdown = AsViewer("es", () => SummaryMarkdown.Document(FixedSession.Build(language: "fi")));

        Assert.Contains("- Run on 20 November 2026, 09:03 UTC (42 minutes)", markdown);
    }
}
