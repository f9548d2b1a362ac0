using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// Every response item of a session as CSV, one row per item, for a spreadsheet. Numbers have columns of
/// their own (a rating's value and its label; a theme's dots and, on a vote step, the person's dots), so
/// they can be summed and averaged. Cells that a
/// spreadsheet would run as a formula (starting with = + - @, tab or carriage return) are escaped by
/// CsvHelper's injection protection; the file is UTF-8 with a byte order mark so Excel shows accents.
/// Rating rows carry no participant and no time, and are sorted by item and value: the room was told
/// that no one's ratings are shown. Below the anonymity floor they are left out altogether.
/// Headings and participant aliases are in the session's language; values stay spreadsheet-neutral
/// (invariant numbers and ISO times, the prompt kinds as the activity format writes them).
/// Without times (for sharing further, docs/privacy.md) the time column is left out and each step's rows
/// follow the participants' numbers instead of the order the answers arrived in.
/// </summary>
public static class ResponsesCsv
{
    public sealed record Row(
        string Session,
        string Activity,
        int Step,
        string Prompt,
        string Kind,
        string Side,
        string Item,
        string Value,
        string ValueLabel,
        string Theme,
        string ThemeDots,
        string Dots,
        string Participant,
        string AnsweredAtUtc);

    private static IStringLocalizer<ReportsText> Text => ReportLanguage.Text;

    // The heading row is written by hand (in the session's language), so CsvHelper writes none of its own.
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        HasHeaderRecord = false,
    };

    public static byte[] Write(SessionReport report, bool withTimes = true) => ReportLanguage.In(report.Session, () =>
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            foreach (var heading in Headings(withTimes))
            {
                csv.WriteField(heading);
            }

            csv.NextRecord();
            if (!withTimes)
            {
                csv.Context.RegisterClassMap<RowWithoutTime>();
            }

            csv.WriteRecords(Rows(report, withTimes));
        }

        return stream.ToArray();
    });

    /// <summary>The column headings, one per field of <see cref="Row"/> and in its order (the last, the time, only <paramref name="withTimes"/>).</summary>
    public static IReadOnlyList<string> Headings(bool withTimes = true) =>
    [
        Text["Csv.Session"], Text["Csv.Activity"], Text["Csv.Step"], Text["Csv.Prompt"], Text["Csv.Kind"], Text["Csv.Side"], Text["Csv.Item"],
        Text["Csv.Value"], Text["Csv.ValueLabel"], Text["Csv.Theme"], Text["Csv.ThemeDots"], Text["Csv.Dots"], Text["Csv.Participant"],
        .. withTimes ? new[] { Text["Csv.AnsweredAtUtc"].Value } : [],
    ];

    public static IEnumerable<Row> Rows(SessionReport report, bool withTimes = true)
    {
        var session = report.Session;
        foreach (var part in report.Summary.Prompts.Where(p => p.Prompt.TakesAnswers))
        {
            var step = part.Number - 1;
            var prompt = part.Prompt;
            var responses = report.Responses.Where(r => r.Step == step).ToList();
            if (!withTimes)
            {
                // The order answers arrived in is a time too.
                responses = [.. responses.OrderBy(r => report.IndexOf(r.ParticipantId))];
            }

            Row Make(string side, string item, (string Number, string Label) value, (string Name, string Dots) theme, string dots, string participant, string at) =>
                new(session.JoinCode, session.Activity.Title, part.Number, prompt.Title, prompt.Kind.ToString().ToLowerInvariant(), side, item, value.Number, value.Label, theme.Name, theme.Dots, dots, participant, at);

            if (prompt.Kind == PromptKind.Rating)
            {
                if (part.RatingsWithheld)
                {
                    continue;
                }

                var ratings = responses.SelectMany(r => r.Items)
                    .OrderBy(i => i.Slot).ThenBy(i => i.Value)
                    .Select(i => Make(
                        "",
                        prompt.Items.ElementAtOrDefault(i.Slot) ?? "",
                        (Number(i.Value ?? 0), prompt.Scale.ElementAtOrDefault((i.Value ?? 1) - 1) ?? ""),
                        ("", ""),
                        "",
                        "",
                        ""));
                foreach (var row in ratings)
                {
                    yield return row;
                }

                continue;
            }

            var board = report.Boards.GetValueOrDefault(step);
            var themeOf = (board?.Themes ?? []).SelectMany(t => t.Cards.Select(c => (c.Key, t.Theme.Name))).ToDictionary(x => x.Key, x => x.Name);
            var votes = report.VotesFor(step);
            foreach (var response in responses)
            {
                foreach (var item in response.Items.OrderBy(i => i.Slot))
                {
                    var side = prompt.Kind == PromptKind.Compare ? (item.Slot == 0 ? prompt.LeftLabel : prompt.RightLabel) : "";
                    var theme = themeOf.GetValueOrDefault(new CardKey(response.Id, item.Slot)) ?? "";
                    var themeDots = theme.Length > 0 && votes.TryGetValue(theme, out var dots) ? Number(dots) : "";
                    var at = withTimes ? Time(response.UpdatedAt) : "";
                    yield return prompt.Kind == PromptKind.Vote
                        ? Make("", item.Text, ("", ""), (item.Text, ""), Number(item.Value ?? 0), report.AliasOf(response.ParticipantId), at)
                        : Make(side, item.Text, ("", ""), (theme, themeDots), "", report.AliasOf(response.ParticipantId), at);
                }
            }
        }
    }

    /// <summary>Every column of <see cref="Row"/> but the time.</summary>
    private sealed class RowWithoutTime : ClassMap<Row>
    {
        public RowWithoutTime()
        {
            AutoMap(CultureInfo.InvariantCulture);
            Map(r => r.AnsweredAtUtc).Ignore();
        }
    }

    /// <summary>A form every spreadsheet reads as a date and time (the column name says it is UTC).</summary>
    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
