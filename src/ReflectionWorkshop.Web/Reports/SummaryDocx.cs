using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// The summary as a Word document, made from the same Markdown as the page: headings become Word
/// headings (so the navigation pane and a table of contents work), tables become bordered tables,
/// quotes and lists keep their shape. Only what the summary's Markdown uses is translated.
/// </summary>
public static class SummaryDocx
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    /// <summary>The document, marked as written in <paramref name="language"/> (the session's) for spelling and hyphenation.</summary>
    public static byte[] Write(string markdown, string title, System.Globalization.CultureInfo language)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = XmlSafe(title);
            document.PackageProperties.Creator = "Reflection Workshop";
            var main = document.AddMainDocumentPart();
            AddStyles(main, language.IsNeutralCulture ? System.Globalization.CultureInfo.CreateSpecificCulture(language.Name).Name : language.Name);
            var body = new Body();
            foreach (var block in Markdown.Parse(markdown, Pipeline))
            {
                foreach (var element in Convert(block))
                {
                    body.Append(element);
                }
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Convert(Block block) => block switch
    {
        HeadingBlock heading => [Paragraph(heading.Inline, $"Heading{Math.Clamp(heading.Level, 1, 3)}")],
        ParagraphBlock paragraph => [Paragraph(paragraph.Inline, null)],
        QuoteBlock quote => quote.OfType<ParagraphBlock>().Select(p => Paragraph(p.Inline, "Quote")),
        ListBlock list => list.OfType<ListItemBlock>().SelectMany(item => item.OfType<ParagraphBlock>().Select(p => Paragraph(p.Inline, "ListBullet", "• "))),
        MarkdownTable table => [Table(table), new Paragraph()], // an empty line after, as between Markdown blocks
        _ => [],
    };

    private static Paragraph Paragraph(ContainerInline? inline, string? style, string? prefix = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        if (prefix is not null)
        {
            paragraph.Append(Run(prefix, bold: false, italic: false));
        }

        if (inline is not null)
        {
            AppendInlines(paragraph, inline, bold: false, italic: false);
        }

        return paragraph;
    }

    private static void AppendInlines(OpenXmlElement target, ContainerInline container, bool bold, bool italic)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    target.Append(Run(literal.Content.ToString(), bold, italic));
                    break;
                case EmphasisInline emphasis:
                    AppendInlines(target, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                    break;
                case CodeInline code:
                    target.Append(Run(code.Content, bold, italic));
                    break;
                case LineBreakInline:
                    target.Append(new Run(new Break()));
                    break;
                case ContainerInline nested:
                    AppendInlines(target, nested, bold, italic);
                    break;
                case HtmlEntityInline entity:
                    target.Append(Run(entity.Transcoded.ToString(), bold, italic));
                    break;
            }
        }
    }

    private static Run Run(string text, bool bold, bool italic)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        run.Append(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>
    /// Word's XML cannot hold control characters or lone surrogates: one U+0001 in an answer made the export fail
    /// (issue 18, item 5). Answers are cleaned when accepted; this keeps older or imported text from breaking the file.
    /// </summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (System.Xml.XmlConvert.IsXmlChar(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static WordTable Table(MarkdownTable source)
    {
        // Schema order: top, left, bottom, right, then the inside borders.
        var table = new WordTable(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "999999" })),
            new TableGrid(Widths(source.ColumnDefinitions.Count).Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var widths = Widths(source.ColumnDefinitions.Count);
        foreach (var row in source.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            var tableRow = new DocumentFormat.OpenXml.Wordprocessing.TableRow();
            if (row.IsHeader)
            {
                tableRow.Append(new TableRowProperties(new TableHeader()));
            }

            foreach (var (cell, column) in row.OfType<Markdig.Extensions.Tables.TableCell>().Select((c, i) => (c, i)))
            {
                var paragraph = new Paragraph();
                foreach (var inner in cell.OfType<ParagraphBlock>())
                {
                    if (inner.Inline is not null)
                    {
                        AppendInlines(paragraph, inner.Inline, bold: row.IsHeader, italic: false);
                    }
                }

                tableRow.Append(new DocumentFormat.OpenXml.Wordprocessing.TableCell(
                    new TableCellProperties(new TableCellWidth { Width = widths[Math.Min(column, widths.Count - 1)].ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    paragraph));
            }

            table.Append(tableRow);
        }

        return table;
    }

    /// <summary>
    /// Column widths in twentieths of a point across the text width: the first column holds words (a
    /// theme, a rated item) and gets the most room; the rest are mostly numbers.
    /// </summary>
    private static List<int> Widths(int columns)
    {
        const int textWidth = 11906 - (2 * 1134);
        if (columns <= 1)
        {
            return [textWidth];
        }

        var first = columns == 2 ? textWidth * 3 / 5 : textWidth * 2 / 5;
        var rest = (textWidth - first) / (columns - 1);
        return [first, .. Enumerable.Repeat(rest, columns - 1)];
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = language })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading(1, "36"),
            Heading(2, "28"),
            Heading(3, "24"),
            new Style(
                new StyleName { Val = "Quote" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Indentation { Left = "567" }),
                new StyleRunProperties(new Italic(), new Color { Val = "444444" }))
            { Type = StyleValues.Paragraph, StyleId = "Quote" },
            new Style(
                new StyleName { Val = "List Bullet" },
                new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "40" }, new Indentation { Left = "360", Hanging = "360" }))
            { Type = StyleValues.Paragraph, StyleId = "ListBullet" });
        styles.Styles.Save();
    }

    private static Style Heading(int level, string size) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level == 1 ? "0" : "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new Color { Val = "1F3A5F" }, new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
}
