using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>One part of a summary: the header (no step) or one step, as Markdown.</summary>
public sealed record SummarySection(int? Step, string Markdown);

/// <summary>
/// The session summary, written once as Markdown: the page renders it, the print view is that page,
/// and the .md and .docx exports are made from the same text, so every format says the same thing.
/// Organised by theme: each step's themes ranked with counts, votes and a few quotes, then what was
/// left unthemed. Text typed by participants is escaped, so it can never become Markdown structure.
/// The page shows it in the viewer's language; the exported document is in the session's.
/// </summary>
public static class SummaryMarkdown
{
    private static IStringLocalizer<ReportsText> Text => ReportLanguage.Text;

    /// <summary>The whole summary for export, in the session's language (see <see cref="ReportLanguage"/>).</summary>
    public static string Document(SessionReport report) =>
        ReportLanguage.In(report.Session, () => string.Concat(Sections(report).Select(s => s.Markdown)));

    /// <summary>The summary's parts in the current culture's language, for the page.</summary>
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
        md.Append("- ").AppendLine(Text["Summary.FacilitatedBy", report.FacilitatorName is { Length: > 0 } name ? Escape(name) : Text["Summary.FormerMember"]]);
        md.Append("- ").AppendLine(Text["Summary.TeamSpace", Escape(report.SpaceName)]);
        md.Append("- ").AppendLine(When(session));
        var people = report.Participants.Count;
        var anonymous = session.Anonymity == Anonymity.Anonymous;
        md.Append("- ").AppendLine((people == 1, anonymous) switch
        {
            (true, true) => Text["Summary.ParticipantAnonymous", Number(people)],
            (true, false) => Text["Summary.ParticipantNamed", Number(people)],
            (false, true) => Text["Summary.ParticipantsAnonymous", Number(people)],
            (false, false) => Text["Summary.ParticipantsNamed", Number(people)],
        });
        md.Append("- ").AppendLine(Text["Summary.SessionCode", session.JoinCode]);
        if (session.State != SessionState.Closed)
        {
            md.Append("- ").AppendLine(Text["Summary.StillOpen"]);
        }

        return md.AppendLine().ToString();
    }

    private static string When(Session session)
    {
        if (session.StartedAt is not { } started)
        {
            return Text["Summary.NotStarted"];
        }

        // The date pattern is part of the text: "20 November 2026", "20 de noviembre de 2026".
        var text = Text["Summary.RunOn", started.UtcDateTime];
        if (session.ClosedAt is not { } closed)
        {
            return text;
        }

        var minutes = Math.Max(1, (int)Math.Round((closed - started).TotalMinutes));
        return text + " " + (minutes == 1 ? Text["Summary.MinuteOne", minutes] : Text["Summary.MinutesMany", minutes]);
    }

    private static string Step(SessionReport report, PromptSummary part)
    {
        var prompt = part.Prompt;
        var md = new StringBuilder();
        md.Append("## ").Append(Number(part.Number)).Append(". ").AppendLine(Escape(prompt.Title)).AppendLine();
        var session = report.Session;
        var step = part.Number - 1;
        if (!prompt.TakesAnswers)
        {
            md.Append('*').Append(Text["Summary.NoAnswersStep"]).AppendLine("*").AppendLine();
        }
        else if (part.Responses == 0 && session.State == SessionState.Closed && !session.IsSelfPaced && step > session.CurrentStep)
        {
            md.Append('*').Append(Text["Summary.NotReached", Number(session.CurrentStep + 1), Number(session.Activity.Prompts.Count)]).AppendLine("*").AppendLine();
        }
        else if (prompt.Kind == PromptKind.Vote && !session.IsBallotOpen(step))
        {
            md.Append('*').Append(Text["Summary.VoteNotOpened"]).AppendLine("*").AppendLine();
        }
        else
        {
            md.AppendLine(prompt.Kind == PromptKind.Vote
                ? (part.Responses == 1 ? Text["Summary.VotedOne", Number(part.Responses)] : Text["Summary.VotedMany", Number(part.Responses)])
                    + ", " + (prompt.Dots == 1 ? Text["Summary.DotEach", Number(prompt.Dots)] : Text["Summary.DotsEach", Number(prompt.Dots)])
                : Answers(part.Responses)).AppendLine();
            switch (prompt.Kind)
            {
                case PromptKind.Text or PromptKind.List or PromptKind.Compare:
                    Themed(md, report, part, report.Boards[part.Number - 1]);
                    break;
                case PromptKind.Rating:
                    Ratings(md, part);
                    break;
                case PromptKind.Choice:
                    Table(md, [Text["Summary.Option"], Text["Summary.PickedBy"]], part.Choices.Select(c => new[] { c.Option, Number(c.Count) }));
                    break;
                case PromptKind.Vote:
                    Table(md, [Text["Summary.Rank"], Text["Summary.Theme"], Text["Summary.Dots"], Text["Summary.People"]], part.Votes.Select(v => new[] { Rank(part.Votes, v), v.Theme, Number(v.Dots), Number(v.Voters) }));
                    break;
            }
        }

        if (report.Session.Notes.GetValueOrDefault(part.Number - 1) is { Length: > 0 } note)
        {
            // The facilitator's own Markdown, kept as written (rendered without raw HTML like every body).
            md.Append("### ").AppendLine(Text["Summary.Note"]).AppendLine().AppendLine(note).AppendLine();
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
            md.Append("### ").AppendLine(Text["Summary.Themes"]).AppendLine();
            var voted = votes.Count > 0;
            if (board.IsCompare)
            {
                md.AppendLine(Text["Summary.SetApart"]).AppendLine();
                Table(
                    md,
                    [Text["Summary.Theme"], prompt.LeftLabel, prompt.RightLabel, Text["Summary.MostlyNamedBy"], .. voted ? new[] { Text["Summary.Votes"].Value } : []],
                    board.SetApart.Select(t => (string[])[
                        t.Theme.Name,
                        Number(t.Left),
                        Number(t.Right),
                        t.Marks switch { CardSide.Left => prompt.LeftLabel, CardSide.Right => prompt.RightLabel, _ => Text["Summary.BothAlike"] },
                        .. voted ? new[] { Number(votes.GetValueOrDefault(t.Theme.Name)) } : []]));
            }
            else
            {
                Table(
                    md,
                    [Text["Summary.Theme"], Text["Summary.Answers"], .. voted ? new[] { Text["Summary.Votes"].Value } : []],
                    ranked.Select(t => (string[])[t.Theme.Name, Number(t.Count), .. voted ? new[] { Number(votes.GetValueOrDefault(t.Theme.Name)) } : []]));
            }

            foreach (var theme in board.IsCompare ? board.SetApart : ranked)
            {
                md.Append("**").Append(Escape(theme.Theme.Name)).Append("** (").Append(Answers(theme.Count)).AppendLine(")").AppendLine();
                foreach (var quote in theme.Quotes)
                {
                    md.Append("> ").AppendLine(Quote(quote)).AppendLine();
                }
            }
        }

        if (board.Unthemed.Count > 0)
        {
            md.Append("### ").AppendLine(ranked.Count > 0 ? Text["Summary.NotInATheme"] : Text["Summary.Answers"]).AppendLine();
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
            md.Append("### ").AppendLine(Text["Summary.EveryAction"]).AppendLine();
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

    /// <summary>A list step whose items are actions (<c>actions: yes</c> in the file, a checkbox in the editor): its summary lists every one. The label's word plays no part, in any language.</summary>
    public static bool IsActions(Prompt prompt) => prompt.Kind == PromptKind.List && prompt.HoldsActions;

    private static void Ratings(StringBuilder md, PromptSummary part)
    {
        var prompt = part.Prompt;
        if (part.RatingsWithheld)
        {
            md.Append('*').Append(Text["Summary.Withheld", Number(prompt.AnonymityFloor)]).AppendLine("*").AppendLine();
            return;
        }

        Table(
            md,
            [Text["Summary.Item"], .. prompt.Scale, Text["Summary.Average", prompt.Scale.Count]],
            part.Ratings.Select(t => (string[])[t.Item, .. t.Counts.Select(Number), t.Mean is { } mean ? mean.ToString("0.0", CultureInfo.CurrentCulture) : "–"]));
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

    private static string Number(int value) => value.ToString(CultureInfo.CurrentCulture);

    private static string Answers(int count) => count == 1 ? Text["Summary.AnswerOne", Number(count)] : Text["Summary.AnswersMany", Number(count)];

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// Makes typed text literal in Markdown: the marks that start emphasis, code, links, tables or HTML
    /// anywhere get a backslash (CommonMark allows one before any ASCII punctuation), and so do the marks
    /// that start a heading, list or quote at the beginning of a line. Bare web addresses are kept from
    /// becoming links too (issue 18): the colon after a scheme ("http\://", "mailto\:") and the dot after
    /// "www" get a backslash, which every Markdown reader shows as the plain character but no autolinker
    /// (Markdig's on the page, GitHub's or an editor's for the .md) matches.
    /// </summary>
    public static string Escape(string text)
    {
        var line = OneLine(text);
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' || EndsScheme(line, i) || EndsWww(line, i))
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

    /// <summary>A colon right after a letter and right before something other than a space: "http://", "mailto:a", "javascript:x" ("Note: …" and "10:30" stay as typed).</summary>
    private static bool EndsScheme(string line, int i) =>
        line[i] == ':' && i > 0 && char.IsAsciiLetter(line[i - 1]) && i + 1 < line.Length && !char.IsWhiteSpace(line[i + 1]);

    /// <summary>The dot of a word that starts "www.".</summary>
    private static bool EndsWww(string line, int i) =>
        line[i] == '.' && i >= 3 && line.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase) && (i == 3 || !char.IsLetterOrDigit(line[i - 4]));
}
