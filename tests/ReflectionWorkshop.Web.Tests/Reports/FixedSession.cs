using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Tests.Reports;

/// <summary>A finished session with fixed content and times, built through the domain, for golden tests of the exports.</summary>
internal static class FixedSession
{
    public const string Activity = """
        ---
        id: fixed
        title: Team | check-in
        purpose: A fixed session for the summary's golden test.
        ---

        ## compare: Two teams
        left: Went well
        right: Struggled

        ## list: What actions will you take?
        max: 2
        item-label: Action
        actions: yes

        ## vote: Which actions matter most?
        themes-from: 2
        dots: 2

        ## rating: How much trust is there?
        scale: Low | High
        item: In this group
        anonymity-floor: 2

        ## choice: How often should we meet?
        option: Weekly
        option: Monthly

        ## info: Talk it over
        """;

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <param name="language">The activity's language ("es" for a Spanish session); its content stays as it is.</param>
    public static SessionReport Build(Anonymity anonymity = Anonymity.Anonymous, string language = "en")
    {
        var activity = ActivityFileParser.Parse(Activity.Replace("id: fixed\n", $"id: fixed\nlanguage: {language}\n", StringComparison.Ordinal)).Activity!;
        var session = Session.Create(activity, "ABC234", anonymity, Guid.Empty, "facilitator", Start);
        var named = anonymity == Anonymity.Named;
        var ana = session.Join(named ? "Ana" : null, Start.AddMinutes(1));
        var ben = session.Join(named ? "Ben" : null, Start.AddMinutes(2));
        session.Start(Start.AddMinutes(3));
        var at = Start.AddMinutes(4);
        Answer Parts(params string[] texts) => new(texts.Select((t, i) => new AnswerPart(i, t)).ToList());
        Answer Values(params int[] values) => new(values.Select((v, i) => new AnswerPart(i, "", v)).ToList());

        var responses = new List<Response>
        {
            session.Answer(ana, 0, Parts("We *trusted* each other", "=SUM(A1:A9) nobody owned it"), null, at),
            session.Answer(ben, 0, Parts("Total trust", "Roles | unclear"), null, at.AddSeconds(10)),
        };
        session.Advance(0);
        responses.Add(session.Answer(ana, 1, Parts("Weekly 1:1s", "# Share the budget"), null, at.AddMinutes(1)));
        responses.Add(session.Answer(ben, 1, Parts("Weekly check-ins"), null, at.AddMinutes(1).AddSeconds(5)));

        var compareBoard = ThemeBoard.Create(session.Id, 0, at);
        var compareCards = Card.From(session.PromptAt(0), responses.Where(r => r.Step == 0));
        compareBoard.AddThemes([("Trust", [compareCards[0].Key, compareCards[2].Key]), ("Roles", [compareCards[3].Key])], at);
        var listBoard = ThemeBoard.Create(session.Id, 1, at);
        var listCards = Card.From(session.PromptAt(1), responses.Where(r => r.Step == 1));
        listBoard.AddThemes([("Regular check-ins", [listCards[0].Key, listCards[2].Key]), ("Transparency", [listCards[1].Key])], at);

        session.Advance(1);
        session.OpenVote(2, BoardView.Build(session.PromptAt(1), listBoard, listCards).Ranked.Select(t => t.Theme.Name).ToList(), []);
        responses.Add(session.Answer(ana, 2, Values(1, 1), null, at.AddMinutes(2)));
        responses.Add(session.Answer(ben, 2, Values(2), null, at.AddMinutes(2)));
        session.Advance(2);
        responses.Add(session.Answer(ana, 3, Values(2), null, at.AddMinutes(3)));
        responses.Add(session.Answer(ben, 3, Values(1), null, at.AddMinutes(3)));
        session.Advance(3);
        responses.Add(session.Answer(ana, 4, new Answer([new AnswerPart(0, "")]), null, at.AddMinutes(4)));
        session.SetNote(1, "Follow up **in January**.");
        session.Close(Start.AddMinutes(45));

        return SessionReport.Build(session, "Lakeside leadership team", "Fran Facilitator", [ana, ben], responses, [compareBoard, listBoard]);
    }
}
