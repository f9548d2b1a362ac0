using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

/// <summary>A step's reveal rule decides when the projector shows its answers; the facilitator can still show or hide them.</summary>
public sealed class RevealRuleTests
{
    private static Activity WithRules(RevealRule first, RevealRule second)
    {
        var activity = TestActivities.OneOfEachKind();
        var prompts = activity.Prompts.ToList();
        prompts[0] = prompts[0] with { Reveal = first };
        prompts[1] = prompts[1] with { Reveal = second };
        return activity with { Prompts = prompts };
    }

    [Fact]
    public void A_live_step_shows_its_answers_as_soon_as_it_opens_and_a_manual_one_waits()
    {
        var session = new SessionBuilder().For(WithRules(RevealRule.Live, RevealRule.Manual)).InLobby();

        session.Start(TestClock.Now);
        Assert.True(session.AnswersRevealed);

        session.Advance(0);
        Assert.False(session.AnswersRevealed);

        session.GoBack(1);
        Assert.True(session.AnswersRevealed);
        session.HideAnswers();
        Assert.False(session.AnswersRevealed);
    }

    [Fact]
    public void An_on_lock_step_shows_its_answers_when_they_are_locked_not_before()
    {
        var session = new SessionBuilder().For(WithRules(RevealRule.OnLock, RevealRule.Manual)).OnStep(0);
        Assert.False(session.AnswersRevealed);

        session.LockAnswers();

        Assert.True(session.AnswersRevealed);
        session.Advance(0);
        session.LockAnswers();
        Assert.False(session.AnswersRevealed);
    }

    [Theory]
    [InlineData("live", RevealRule.Live)]
    [InlineData("on-lock", RevealRule.OnLock)]
    [InlineData(" Manual ", RevealRule.Manual)]
    public void The_file_names_each_rule_and_writes_it_back(string written, RevealRule rule)
    {
        var file = $"""
            ---
            id: reveal-test
            title: Reveal test
            purpose: Checks the reveal setting.
            ---

            ## text: What did you learn?
            reveal: {written}
            """;

        var activity = ActivityFileParser.Parse(file).Activity!;

        Assert.Equal(rule, activity.Prompts[0].Reveal);
        Assert.Equal(activity, ActivityFileParser.Parse(ActivityFileWriter.Write(activity)).Activity, new SameMeaning());
    }

    [Fact]
    public void An_unknown_rule_is_refused_at_its_line()
    {
        var result = ActivityFileParser.Parse("""
            ---
            id: reveal-test
            title: Reveal test
            purpose: Checks the reveal setting.
            ---

            ## text: What did you learn?
            reveal: sometimes
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(8, problem.Line);
        Assert.Equal("'reveal: sometimes' is not a rule; write one of manual, live, on-lock.", problem.Message);
    }

    private sealed class SameMeaning : IEqualityComparer<Activity?>
    {
        public bool Equals(Activity? x, Activity? y) =>
            x is not null && y is not null && x.Prompts.Select(p => (p.Kind, p.Title, p.Reveal)).SequenceEqual(y.Prompts.Select(p => (p.Kind, p.Title, p.Reveal)));

        public int GetHashCode(Activity? obj) => 0;
    }
}
