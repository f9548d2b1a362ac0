namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// How much of a step's answers the projector shows, decided on the server so the page fits one screen with or
/// without script. The projector's type is sized to the screen (site.css: <c>min(1.55vw, 2.75vh)</c>), so on any
/// screen at least 64.5 em wide and 36.4 em tall the layout is the same in em: these figures describe that layout
/// and the stylesheet must keep to them (the "Projector" section of site.css names each). Text is measured at 0.6 em
/// a character, the width of a wide sans serif (DejaVu Sans), so narrower fonts only leave room to spare.
/// Browser tests measure the result at 1280×720 and 1920×1080 (ProjectorInTheBrowserTests).
/// </summary>
public static class ProjectorFit
{
    /// <summary>The height left for the answers under the top line and a two-line title, less a margin of safety.</summary>
    public const double StageHeight = 27.5;

    /// <summary>A line of the title (1.7 em type, 1.15 line height), which the stage gains when the title takes one line.</summary>
    private const double TitleLine = 1.95;

    /// <summary>Characters on a line of the title: its bold type is wider than the answers'.</summary>
    private const int TitleLineChars = 55;

    /// <summary>The usable width inside the page's padding.</summary>
    public const double StageWidth = 61.7;

    /// <summary>The word chart beside the answers, and the gap before it.</summary>
    public const double AsideWidth = 14;

    public const double Gap = 1.2;

    /// <summary>The "and N more" line under a region.</summary>
    public const double MoreLine = 1.5;

    /// <summary>A side's heading on a compare step: up to two lines.</summary>
    public const double SideHeading = 2.7;

    private const double CharWidth = 0.6;
    private const double LineHeight = 1.25;

    /// <summary>A card's padding, border and the gap under it, beside its lines of text.</summary>
    private const double CardChrome = 1.15;

    private const double CardPaddingX = 1.3;
    private const double ColumnGap = 0.8;

    /// <summary>A card never takes more than this many lines; longer answers end in an ellipsis.</summary>
    public const int CardMaxLines = 3;

    /// <summary>One row of a bar chart (label, bar, count) at the chart's type size.</summary>
    public const double BarRow = 1.8;

    /// <summary>The answer cards that fit a region, laid in columns filled top to bottom.</summary>
    public sealed record Wall(IReadOnlyList<string> Shown, int Columns, int More);

    /// <summary>
    /// Picks the number of columns (one to <paramref name="maxColumns"/>) that shows the most answers in a region of
    /// this width and height, and the answers it shows, in order.
    /// </summary>
    public static Wall Cards(IReadOnlyList<string> texts, double width, double height, int maxColumns)
    {
        var best = new Wall([], 1, texts.Count);
        for (var columns = 1; columns <= maxColumns; columns++)
        {
            var columnWidth = (width - (ColumnGap * (columns - 1))) / columns;
            var charsPerLine = Math.Max(1, (int)((columnWidth - CardPaddingX) / CharWidth));
            var shown = Fill(texts, charsPerLine, height, columns);
            if (shown > best.Shown.Count)
            {
                best = new Wall(texts.Take(shown).ToList(), columns, texts.Count - shown);
            }
        }

        return best;
    }

    /// <summary>The stage's height under a title of this length: a short title leaves a line more.</summary>
    public static double StageUnder(string title) => title.Length <= TitleLineChars ? StageHeight + TitleLine : StageHeight;

    /// <summary>The answers of a text or list step beside the word chart.</summary>
    public static Wall Answers(IReadOnlyList<string> texts, bool withWords, double stage) =>
        Cards(texts, withWords ? StageWidth - AsideWidth - Gap : StageWidth, stage - MoreLine, maxColumns: 3);

    /// <summary>One side of a compare step: half the width beside the word chart.</summary>
    public static Wall Side(IReadOnlyList<string> texts, bool withWords, double stage) =>
        Cards(texts, ((withWords ? StageWidth - AsideWidth - Gap : StageWidth) - Gap) / 2, stage - SideHeading - MoreLine, maxColumns: 2);

    /// <summary>How many rows of a bar chart fit a region this tall (with the "more" line under it).</summary>
    public static int BarRows(double height) => (int)((height - MoreLine) / BarRow);

    /// <summary>
    /// Themes as cards in three columns: a name, a count, up to two quotes. How many fit, largest first.
    /// </summary>
    public static int Themes(IReadOnlyList<(string Name, IReadOnlyList<string> Quotes)> themes, double stage)
    {
        const int columns = 3;
        var columnWidth = (StageWidth - (ColumnGap * (columns - 1))) / columns;
        var charsPerLine = (int)((columnWidth - CardPaddingX) / CharWidth);
        var costs = themes.Select(t =>
            (LinesOf(t.Name, (int)(charsPerLine / 1.1), 2) * 1.32)
            + 1.15
            + t.Quotes.Sum(q => (LinesOf(q, charsPerLine, 2) * LineHeight) + 0.3)
            + CardChrome);
        return FillColumns(costs, stage - MoreLine, columns);
    }

    /// <summary>How big the prompt's own text may be on the screen, by its length: "long" bodies get smaller type.</summary>
    public static string BodySize(string body) => body.Length switch
    {
        <= 250 => "body-short",
        <= 600 => "body-medium",
        _ => "body-long",
    };

    private static int Fill(IReadOnlyList<string> texts, int charsPerLine, double height, int columns) =>
        FillColumns(texts.Select(t => (LinesOf(t, charsPerLine, CardMaxLines) * LineHeight) + CardChrome), height, columns);

    /// <summary>Lays cards of these heights into columns top to bottom, as CSS columns do; how many fit.</summary>
    private static int FillColumns(IEnumerable<double> costs, double height, int columns)
    {
        var column = 0;
        var used = 0.0;
        var count = 0;
        foreach (var cost in costs)
        {
            if (used + cost > height)
            {
                column++;
                used = 0;
                if (column == columns || cost > height)
                {
                    break;
                }
            }

            used += cost;
            count++;
        }

        return count;
    }

    /// <summary>The lines a text wraps to at this many characters a line (words kept whole), at most <paramref name="max"/>.</summary>
    private static int LinesOf(string text, int charsPerLine, int max)
    {
        var lines = 1;
        var used = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var length = word.Length;
            var needed = used == 0 ? length : used + 1 + length;
            if (needed <= charsPerLine)
            {
                used = needed;
                continue;
            }

            if (used > 0)
            {
                lines++;
            }

            // A word longer than a line breaks anywhere (overflow-wrap: anywhere).
            lines += (length - 1) / charsPerLine;
            used = ((length - 1) % charsPerLine) + 1;
            if (lines >= max)
            {
                return max;
            }
        }

        return Math.Min(lines, max);
    }
}
