using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Tests.Reports;

/// <summary>
/// Issue 18, item 1: a session of tens of thousands of answers (an imported archive can hold that many)
/// is summarised and exported in time that grows with its answers, not with their square. This runs at the
/// size where the pairwise versions took minutes (3 min when fixed) and now takes about a second; it holds
/// no clock (a shared machine makes timings noise), so a return to pairwise work shows as a suite that
/// suddenly takes minutes.
/// </summary>
public sealed class LargeSessionTests
{
    private const int People = 20_000;

    private static SessionReport Build(Anonymity anonymity)
    {
        var activity = ActivityFileParser.Parse(FixedSession.Activity).Activity!;
        var start = FixedSession.Start;
        var session = Session.Create(activity, "ABC234", anonymity, Guid.Empty, "facilitator", start);
        var participants = Enumerable.Range(0, People).Select(i => session.RestoreParticipant($"Person {i}", start.AddSeconds(i))).ToList();
        var responses = new List<Response>();
        foreach (var (participant, i) in participants.Select((p, i) => (p, i)))
        {
            responses.Add(session.RestoreResponse(participant, 0, [new ResponseItem(0, $"we trusted each other {i % 50}", null), new ResponseItem(1, $"roles were unclear {i % 30}", null)], start, start));
            responses.Add(session.RestoreResponse(participant, 1, [new ResponseItem(0, $"weekly check-ins for the team {i % 40}", null)], start, start));
        }

        var boards = new List<ThemeBoard>();
        foreach (var step in (int[])[0, 1])
        {
            var cards = Card.From(session.PromptAt(step), responses.Where(r => r.Step == step));
            var board = ThemeBoard.Create(session.Id, step, start);
            board.AddThemes([("Most", cards.Skip(10).Select(c => c.Key).ToList()), ("Few", cards.Take(10).Select(c => c.Key).ToList())], start);
            boards.Add(board);
        }

        return SessionReport.Build(session, "Space", "Fran", participants, responses, boards);
    }

    [Theory]
    [InlineData(Anonymity.Anonymous)]
    [InlineData(Anonymity.Named)]
    public void A_session_of_forty_thousand_answers_is_summarised_and_exported_in_every_format(Anonymity anonymity)
    {
        var report = Build(anonymity);

        var csv = ResponsesCsv.Write(report);
        var markdown = SummaryMarkdown.Document(report);
        var docx = SummaryDocx.Write(markdown, "title", ReportLanguage.Of(report.Session));
        var json = SessionArchive.From(report).ToJson();

        Assert.Equal((2 * People) - 10, report.Boards[0].Themes[0].Count);
        Assert.True(csv.Length > People * 100);
        Assert.Contains(anonymity == Anonymity.Named ? "Person 19999" : "Participant 20000", System.Text.Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.NotEmpty(docx);
        Assert.NotEmpty(json);
    }
}
