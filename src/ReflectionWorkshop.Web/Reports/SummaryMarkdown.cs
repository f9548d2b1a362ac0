using System.Globalization;
using System.Text;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>One part of a summary: the header (no step) or one step, as Markdown.</summary>
public sealed record SummarySection(int? Step, string Markdown);

/// <summary>
/// The session summary, written once as Markdown: the page renders it, the print view is that page,
/// and the .md and .docx exports are made from the same text, so every format says the same thing.
/// Organised by theme: each step's themes ranked with counts, votes and a few quotes, then what was
/// left unthemed. Text typed by participants is escaped, so it can never become Markdown structure.
/// </summary>
public static class SummaryMarkdown
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Document(SessionReport report) =>
        string.Concat(Sections(report).Select(s => s.Markdown));

    public static IReadOnlyList<SummarySection> Sections(SessionReport report)
    {
        var sections = new List<SummarySection> { new(null, Header(report)) };
        foreach (var part in report.Summary.Prompts)
        {
            sections.Add(new(part.Number - 1, Step(report, part)));
        }

        return sections;
    }

    private static string Header(SessionReport report)
    {
        var session = report.Session;
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(session.Activity.Title)).AppendLine();
        md.AppendLine(Escape(session.Activity.Purpose)).AppendLine();
        md.Append("- Facilitated by ").AppendLine(Escape(report.FacilitatorName));
        md.Append("- Team space: ").AppendLine(Escape(report.SpaceName));
        md.Append("- ").AppendLine(When(session));
        var people = report.Participants.Count;
        md.Append("- ").Append(people.ToString(English)).Append(people == 1 ? " participant" : " participants")
            .AppendLine(session.Anonymity == Anonymity.Anonymous ? ", anonymous" : ", named");
        md.Append("- Session code ").AppendLine(session.JoinCode);
        if (session.State != SessionState.Closed)
        {
            md.AppendLine("- Still open: answers may change");
        }

        return md.AppendLine().ToString();
    }

    private static string When(Session session)
    {
        if (session.StartedAt is not { } started)
        {
            return "Not started yet";
        }

        var text = "Run on " + started.ToString("d MMMM yyyy, HH:mm", English) + " UTC";
        if (session.ClosedAt is not { } closed)
        {
            return text;
        }

        var minutes = Math.Max(1, (int)Math.Round((closed - started).TotalMinutes));
        return text + $" ({minutes} {(minutes == 1 ? "minute" : "minutes")})";
    }

    private static string Step(SessionReport report, PromptSummary part)
    {
        var prompt = part.Prompt;
        var md = new StringBuilder();
        md.Append("## ").Append(part.Number.ToString(English)).Append(". ").AppendLine(Escape(prompt.Title)).AppendLine();
        var session = report.Session;
        var step = part.Number - 1;
        if (!prompt.TakesAnswers)
        {
            md.AppendLine("*A step to read or discuss; no answers.*").AppendLine();
        }
        else if (part.Responses == 0 && session.State == SessionState.Closed && !session.IsSelfPaced && step > session.CurrentStep)
        {
            md.Append("*Not reached: the session closed at step ").Append(Number(session.CurrentStep + 1)).Append(" of ")
                .Append(Number(session.Activity.Prompts.Count)).AppendLine(".*").AppendLine();
        }
        else if (prompt.Kind == PromptKind.Vote && !session.IsBallotOpen(step))
        {
            md.AppendLine("*The vote was not opened.*").AppendLine();
        }
        else
        {
            md.AppendLine(prompt.Kind == PromptKind.Vote
                ? $"{Number(part.Responses)} {(part.Responses == 1 ? "person" : "people")} voted, {Number(prompt.Dots)} {(prompt.Dots == 1 ? "dot" : "dots")} each"
                : $"{Number(part.Responses)} {(part.Responses == 1 ? "answer" : "answers")}").AppendLine();
            switch (prompt.Kind)
            {
                case PromptKind.Text or PromptKind.List or PromptKind.Compare:
                    Themed(md, report, part, report.Boards[part.Number - 1]);
                    break;
                case PromptKind.Rating:
                    Ratings(md, part);
                    break;
                case PromptKind.Choice:
                    Table(md, ["Option", "Picked by"], part.Choices.Select(c => new[] { c.Option, Number(c.Count) }));
                    break;
                case PromptKind.Vote:
                    Table(md, ["Rank", "Theme", "Dots", "People"], part.Votes.Select(v => new[] { Rank(part.Votes, v), v.Theme, Number(v.Dots), Number(v.Voters) }));
                    break;
            }
        }

        if (report.Session.Notes.GetValueOrDefault(part.Number - 1) is { Length: > 0 } note)
        {
            // The facilitator's own Markdown, kept as written (rendered without raw HTML like every body).
            md.AppendLine("### Facilitator's note").AppendLine().AppendLine(note).AppendLine();
        }

        return md.ToString();
    }

    private static void Themed(StringBuilder md, SessionReport report, PromptSummary part, BoardView board)
    {
        var prompt = part.Prompt;
        var ranked = board.Ranked;
        var votes = report.VotesFor(part.Number - 1);
        var authors = report.Session.Anonymity == Anonymity.Named
            ? report.Participants.ToDictionary(p => p.Id, p => p.DisplayName)
            : [];
        string Quote(Card card) => Escape(OneLine(card.Text)) + (authors.GetValueOrDefault(card.ParticipantId) is { } name ? " — " + Escape(name) : "");

        if (ranked.Count > 0)
        {
            md.AppendLine("### Themes").AppendLine();
            var voted = votes.Count > 0;
            if (board.IsCompare)
            {
                md.AppendLine("Ranked by what set the two sides apart: how much more often one side named the theme, as a share of its answers.").AppendLine();
                Table(
                    md,
                    ["Theme", prompt.LeftLabel, prompt.RightLabel, "Mostly named by", .. voted ? new[] { "Votes" } : []],
                    board.SetApart.Select(t => (string[])[
                        t.Theme.Name,
                        Number(t.Left),
                        Number(t.Right),
                        t.Marks switch { CardSide.Left => prompt.LeftLabel, CardSide.Right => prompt.RightLabel, _ => "Both alike" },
                        .. voted ? new[] { Number(votes.GetValueOrDefault(t.Theme.Name)) } : []]));
            }
            else
            {
                Table(
                    md,
                    ["Theme", "Answers", .. voted ? new[] { "Votes" } : []],
                    ranked.Select(t => (string[])[t.Theme.Name, Number(t.Count), .. voted ? new[] { Number(votes.GetValueOrDefault(t.Theme.Name)) } : []]));
            }

            foreach (var theme in board.IsCompare ? board.SetApart : ranked)
            {
                md.Append("**").Append(Escape(theme.Theme.Name)).Append("** (").Append(Number(theme.Count)).Append(theme.Count == 1 ? " answer" : " answers").AppendLine(")").AppendLine();
                foreach (var quote in theme.Quotes)
                {
                    md.Append("> ").AppendLine(Quote(quote)).AppendLine();
                }
            }
        }

        if (board.Unthemed.Count > 0)
        {
            md.AppendLine(ranked.Count > 0 ? "### Not in a theme" : "### Answers").AppendLine();
            foreach (var side in board.Unthemed.GroupBy(c => c.Side))
            {
                if (side.Key != CardSide.None)
                {
                    md.Append("*").Append(Escape(side.Key == CardSide.Left ? prompt.LeftLabel : prompt.RightLabel)).AppendLine("*").AppendLine();
                }

                foreach (var card in side)
                {
                    md.Append("- ").AppendLine(Quote(card));
                }

                md.AppendLine();
            }
        }

        if (IsActions(prompt) && ranked.Count > 0)
        {
            // Actions are commitments: every one is listed, not only a few quotes per theme.
            md.AppendLine("### Every action committed to").AppendLine();
            foreach (var card in board.Themes.SelectMany(t => t.Cards))
            {
                md.Append("- ").AppendLine(Quote(card));
            }

            md.AppendLine();
        }
    }

    /// <summary>Themes with as many dots share a rank, written "=2".</summary>
    public static string Rank(IReadOnlyList<VoteTally> votes, VoteTally vote)
    {
        var rank = Number(1 + votes.Count(v => v.Dots > vote.Dots));
        return votes.Count(v => v.Dots == vote.Dots) > 1 ? "=" + rank : rank;
    }

    /// <summary>A list step whose items are actions ("item-label: Action"): its summary lists every one.</summary>
    public static bool IsActions(Prompt prompt) =>
        prompt.Kind == PromptKind.List && prompt.ItemLabel.StartsWith("Action", StringComparison.OrdinalIgnoreCase);

    private static void Ratings(StringBuilder md, PromptSummary part)
    {
        var prompt = part.Prompt;
        if (part.RatingsWithheld)
        {
            md.Append("*Results withheld: fewer than ").Append(Number(prompt.AnonymityFloor))
                .AppendLine(" people answered, so no one's ratings could be told apart.*").AppendLine();
            return;
        }

        Table(
            md,
            ["Item", .. prompt.Scale, $"Average (1–{prompt.Scale.Count})"],
            part.Ratings.Select(t => (string[])[t.Item, .. t.Counts.Select(Number), t.Mean is { } mean ? mean.ToString("0.0", English) : "–"]));
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> headings, IEnumerable<string[]> rows)
    {
        md.Append("| ").AppendJoin(" | ", headings.Select(Cell)).AppendLine(" |");
        md.Append('|').AppendJoin('|', headings.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Cell(string text) => Escape(OneLine(text));

    private static string Number(int value) => value.ToString(English);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Makes typed text literal in Markdown: the marks that start emphasis, code, links, tables or HTML
    /// anywhere get a backslash (CommonMark allows one before any ASCII punctuation), and so do the marks
    /// that start a heading, list or quote at the beginning of a line.
    /// </summary>
    public static string Escape(string text)
    {
        var line = OneLine(text);
        var escaped = new StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var result = escaped.ToString();

        // At the start of a line: "# " would be a heading, "- " or "+ " a list item ("-5" and "=SUM" are plain text).
        if (result.Length > 0 && (result[0] == '#' || (result[0] is '-' or '+' && (result.Length == 1 || result[1] == ' '))))
        {
            return "\\" + result;
        }

        // "1. " or "1) " at the start would begin a numbered list; "1.5" would not.
        var digits = result.TakeWhile(char.IsAsciiDigit).Count();
        if (digits > 0 && digits < result.Length && result[digits] is '.' or ')' && (digits + 1 == result.Length || result[digits + 1] == ' '))
        {
            result = result[..digits] + "\\" + result[digits..];
        }

        return result;
    }
}
