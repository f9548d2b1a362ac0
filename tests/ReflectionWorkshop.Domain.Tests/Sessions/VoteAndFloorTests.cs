using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

public sealed class VoteAndFloorTests
{
    private const int ListStep = 0;
    private const int VoteStep = 1;
    private const int RatingStep = 2;

    private static readonly Activity Chained = new()
    {
        Id = "chained",
        Title = "Chained",
        Purpose = "Characteristics, a vote on them, a trust check.",
        Prompts =
        [
            TestActivities.List(minItems: 1),
            new Prompt { Kind = PromptKind.Vote, Title = "Which matter most?", ThemesFrom = ListStep, Dots = 3 },
            TestActivities.Rating() with { AnonymityFloor = 3 },
        ],
    };

    private readonly Session _session = new SessionBuilder().For(Chained).OnStep(VoteStep);

    private static Answer Dots(params (int Slot, int Dots)[] placed) =>
        new(placed.Select(p => new AnswerPart(p.Slot, "", p.Dots)).ToList());

    [Fact]
    public void A_vote_step_has_no_options_and_takes_no_answer_until_its_ballot_opens()
    {
        var participant = _session.Join(null, TestClock.Now);

        Assert.Empty(_session.PromptAt(VoteStep).Options);
        var refused = Assert.ThrowsAny<DomainException>(() => _session.Answer(participant, VoteStep, Dots((0, 1)), null, TestClock.Now));
        Assert.Contains("The vote has not opened yet", refused.Message);
    }

    [Fact]
    public void Opening_the_vote_fixes_the_themes_on_the_ballot()
    {
        _session.OpenVote(VoteStep, ["Trust", " Clear roles ", "trust", ""], []);

        Assert.Equal(["Trust", "Clear roles"], _session.PromptAt(VoteStep).Options);
        Assert.True(_session.IsBallotOpen(VoteStep));
        Assert.Empty(_session.Activity.Prompts[VoteStep].Options);
    }

    [Fact]
    public void A_ballot_needs_two_themes_and_cannot_change_once_someone_voted()
    {
        var tooFew = Assert.Throws<DomainException>(() => _session.OpenVote(VoteStep, ["Trust"], []));
        Assert.Contains("Sort the answers of step 1 into themes first", tooFew.Message);

        _session.OpenVote(VoteStep, ["Trust", "Roles"], []);
        var vote = _session.Answer(_session.Join(null, TestClock.Now), VoteStep, Dots((0, 1)), null, TestClock.Now);
        var late = Assert.Throws<DomainException>(() => _session.OpenVote(VoteStep, ["Trust", "Roles", "Time"], [vote]));

        Assert.Contains("already voted", late.Message);
        Assert.Equal(["Trust", "Roles"], _session.PromptAt(VoteStep).Options);
    }

    [Fact]
    public void Only_a_vote_step_gets_a_ballot()
    {
        Assert.Throws<DomainException>(() => _session.OpenVote(ListStep, ["Trust", "Roles"], []));
    }

    [Fact]
    public void Dots_can_stack_on_one_theme_and_are_stored_with_the_theme_name()
    {
        _session.OpenVote(VoteStep, ["Trust", "Roles", "Time"], []);
        var participant = _session.Join(null, TestClock.Now);

        var response = _session.Answer(participant, VoteStep, Dots((0, 2), (2, 1), (1, 0)), null, TestClock.Now);

        Assert.Equal([new ResponseItem(0, "Trust", 2), new ResponseItem(2, "Time", 1)], response.Items);
    }

    [Theory]
    [InlineData(new[] { 0, 4 }, "You have 3 dots and placed 4. Take 1 back and save again.")]
    [InlineData(new[] { 0, 2, 1, 2 }, "You have 3 dots and placed 4. Take 1 back and save again.")]
    [InlineData(new[] { 0, 0 }, "Place at least one of your dots before saving.")]
    [InlineData(new[] { 5, 1 }, "That theme is not on this ballot.")]
    [InlineData(new[] { 0, -1 }, "Each theme takes a whole number of dots.")]
    [InlineData(new[] { 0, int.MaxValue, 1, int.MaxValue }, "You have 3 dots and placed 4294967294. Take 4294967291 back and save again.")]
    public void A_ballot_that_breaks_the_rules_is_refused(int[] slotsAndDots, string message)
    {
        _session.OpenVote(VoteStep, ["Trust", "Roles", "Time"], []);
        var placed = slotsAndDots.Chunk(2).Select(p => (p[0], p[1])).ToArray();

        var problems = AnswerRules.Check(_session.PromptAt(VoteStep), AnswerRules.Normalize(_session.PromptAt(VoteStep), Dots(placed)));

        Assert.Equal(message, Assert.Single(problems).Message);
    }

    [Fact]
    public void The_tally_ranks_themes_by_dots_then_by_voters_then_by_ballot_order()
    {
        _session.OpenVote(VoteStep, ["Trust", "Roles", "Time", "Purpose"], []);
        var responses = new[] { Dots((1, 2), (2, 1)), Dots((2, 1), (0, 1), (3, 1)), Dots((0, 1), (3, 2)) }
            .Select(answer => _session.Answer(_session.Join(null, TestClock.Now), VoteStep, answer, null, TestClock.Now))
            .ToList();

        var tally = SessionSummary.Tally(_session.PromptAt(VoteStep), responses);

        Assert.Equal(
            [new VoteTally("Purpose", 3, 2), new VoteTally("Trust", 2, 2), new VoteTally("Time", 2, 2), new VoteTally("Roles", 2, 1)],
            tally);
    }

    [Fact]
    public void Rating_results_stay_hidden_until_the_floor_is_reached()
    {
        var session = new SessionBuilder().For(Chained).OnStep(RatingStep);
        var rate = new Answer([new AnswerPart(0, "", 3), new AnswerPart(1, "", 1)]);
        var participants = Enumerable.Range(0, 3).Select(_ => session.Join(null, TestClock.Now)).ToList();
        var responses = participants.Take(2).Select(p => session.Answer(p, RatingStep, rate, null, TestClock.Now)).ToList();

        var below = SessionSummary.Build(session, participants, responses).Prompts[RatingStep];
        Assert.True(below.RatingsWithheld);
        Assert.Empty(below.Ratings);
        Assert.Equal(2, below.Responses);

        responses.Add(session.Answer(participants[2], RatingStep, rate, null, TestClock.Now));
        var reached = SessionSummary.Build(session, participants, responses).Prompts[RatingStep];
        Assert.False(reached.RatingsWithheld);
        Assert.Equal([0, 0, 3], reached.Ratings[0].Counts);
    }
}
