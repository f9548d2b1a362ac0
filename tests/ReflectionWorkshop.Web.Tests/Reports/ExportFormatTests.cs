using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Tests.Reports;

public sealed class ExportFormatTests
{
    private static string CsvText(SessionReport report)
    {
        var bytes = ResponsesCsv.Write(report);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).ReplaceLineEndings("\n");
    }

    [Fact]
    public void The_csv_has_one_row_per_item_under_a_header()
    {
        var lines = CsvText(FixedSession.Build()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Session,Activity,Step,Prompt,Kind,Side,Item,Value,ValueLabel,Theme,ThemeDots,Dots,Participant,AnsweredAtUtc", lines[0]);
        Assert.Contains("ABC234,Team | check-in,1,Two teams,compare,Went well,We *trusted* each other,,,Trust,,,Participant 1,2026-11-20 09:04:00", lines);
        Assert.Contains("ABC234,Team | check-in,2,What actions will you take?,list,,Weekly check-ins,,,Regular check-ins,3,,Participant 2,2026-11-20 09:05:05", lines);
        Assert.Contains("ABC234,Team | check-in,3,Which actions matter most?,vote,,Regular check-ins,,,Regular check-ins,,2,Participant 2,2026-11-20 09:06:00", lines);
        Assert.Contains("ABC234,Team | check-in,5,How often should we meet?,choice,,Weekly,,,,,,Participant 1,2026-11-20 09:08:00", lines);
        Assert.Equal(1 + 4 + 3 + 3 + 2 + 1, lines.Length);
    }

    [Fact]
    public void Control_characters_and_lone_surrogates_in_the_text_never_break_the_word_export()
    {
        var markdown = "# Summary\n\n- Trust\u0001 each other\u001b \ud800 and 😀 roles\n";

        var bytes = SummaryDocx.Write(markdown, "Team\u0002", System.Globalization.CultureInfo.GetCultureInfo("en"));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Trust each other  and 😀 roles", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        var csv = CsvText(FixedSession.Build());

        Assert.Contains("'=SUM(A1:A9) nobody owned it", csv);
        Assert.DoesNotContain(",=SUM", csv);
        Assert.Contains(",# Share the budget,", csv);
    }

    [Fact]
    public void Rating_rows_name_no_one_and_come_sorted_by_value()
    {
        var ratings = CsvText(FixedSession.Build(Anonymity.Named)).Split('\n').Where(l => l.Contains(",rating,", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                "ABC234,Team | check-in,4,How much trust is there?,rating,,In this group,1,Low,,,,,",
                "ABC234,Team | check-in,4,How much trust is there?,rating,,In this group,2,High,,,,,",
            ],
            ratings);
    }

    [Fact]
    public void Named_sessions_show_names_and_anonymous_ones_only_opaque_numbers()
    {
        var named = CsvText(FixedSession.Build(Anonymity.Named));
        var anonymous = CsvText(FixedSession.Build());

        Assert.Contains(",Ana,", named);
        Assert.DoesNotContain("Ana", anonymous);
        Assert.DoesNotContain("Ben", anonymous);
        Assert.Contains(",Participant 2,", anonymous);
    }

    [Fact]
    public void The_word_document_is_valid_open_xml_with_the_summarys_headings_and_tables()
    {
        var report = FixedSession.Build();
        var bytes = SummaryDocx.Write(SummaryMarkdown.Document(report), report.Session.Activity.Title, ReportLanguage.Of(report.Session));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        string[] Styled(string style) => body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style)
            .Select(p => p.InnerText)
            .ToArray();
        Assert.Equal(["Team | check-in"], Styled("Heading1"));
        Assert.Equal(
            ["1. Two teams", "2. What actions will you take?", "3. Which actions matter most?", "4. How much trust is there?", "5. How often should we meet?", "6. Talk it over"],
            Styled("Heading2"));
        Assert.Contains("We *trusted* each other", Styled("Quote"));
        Assert.Contains("• =SUM(A1:A9) nobody owned it", Styled("ListBullet"));
        var firstTable = body.Elements<Table>().First();
        Assert.Equal(["Theme", "Went well", "Struggled", "Mostly named by"], firstTable.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(5, body.Elements<Table>().Count());
        Assert.Contains(body.Descendants<Bold>(), b => b.Parent?.Parent is Run run && run.InnerText == "in January");
    }

    [Fact]
    public void The_json_export_does_not_tie_a_rating_to_the_person_who_gave_it()
    {
        // Ana (participant 1) rated High, Ben (participant 2) Low; the file deals ratings out by value.
        var archive = SessionArchive.From(FixedSession.Build(Anonymity.Named));

        var ratings = archive.Responses.Where(r => r.Step == 3).ToList();
        Assert.Equal([(1, 1), (2, 2)], ratings.Select(r => (r.Participant, r.Items.Single().Value!.Value)));
        Assert.Single(ratings.Select(r => r.UpdatedAt).Distinct());
        Assert.Contains(archive.Responses, r => r.Step == 0 && r.Participant == 1 && r.Items[0].Text == "We *trusted* each other");
    }
}
