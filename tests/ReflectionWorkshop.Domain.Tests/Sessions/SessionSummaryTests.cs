using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

public sealed class SessionSummaryTests
{
    private static readonly string[] Authors = ["Ana", "Ben"];

    private readonly Room _named = Room.Answered(new SessionBuilder().Named().OnStep(0));
    private readonly Room _anonymous = Room.Answered(new SessionBuilder().OnStep(0));

    [Fact]
    public void Every_step_is_summarised_in_order_with_its_number()
    {
        var summary = _named.Summarize();

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], summary.Prompts.Select(p => p.Number));
        Assert.Equal(_named.Session.Activity.Prompts, summary.Prompts.Select(p => p.Prompt));
        Assert.Same(_named.Session, summary.Session);
        Assert.Equal(2, summary.ParticipantCount);
    }

    [Fact]
    public void Each_step_counts_its_responses()
    {
        var summary = _named.Summarize();

        Assert.Equal([2, 2, 2, 2, 2, 2, 0], summary.Prompts.Select(p => p.Responses));
    }

    [Fact]
    public void Text_answers_appear_once_each_with_their_authors_in_a_named_session()
    {
        var text = _named.Summarize().Prompts[TestActivities.TextStep];

        Assert.Equal([new SummaryEntry("Listen first", "Ana"), new SummaryEntry("Ask questions", "Ben")], text.Texts);
    }

    [Fact]
    public void Each_stored_list_item_appears_exactly_once()
    {
        var list = _named.Summarize().Prompts[TestActivities.ListStep];

        Assert.Equal(
            [
                new SummaryEntry("Trust", "Ana"),
                new SummaryEntry("Clarity", "Ana"),
                new SummaryEntry("Time", "Ben"),
                new SummaryEntry("Trust", "Ben"),
                new SummaryEntry("Roles", "Ben"),
            ],
            list.Texts);
        Assert.Empty(list.Left);
        Assert.Empty(list.Right);
    }

    [Fact]
    public void Each_compare_side_appears_exactly_once_on_its_own_side()
    {
        var compare = _named.Summarize().Prompts[TestActivities.CompareStep];

        Assert.Equal([new SummaryEntry("Shared goals", "Ana"), new SummaryEntry("Met weekly", "Ben")], compare.Left);
        Assert.Equal([new SummaryEntry("No goals", "Ana"), new SummaryEntry("Never met", "Ben")], compare.Right);
        Assert.Empty(compare.Texts);
    }

    [Fact]
    public void Ratings_are_counted_per_scale_point_with_a_mean_per_item()
    {
        var rating = _named.Summarize().Prompts[TestActivities.RatingStep];

        Assert.Equal(["Trust", "Follow-through"], rating.Ratings.Select(r => r.Item));
        Assert.Equal([0, 0, 2], rating.Ratings[0].Counts);
        Assert.Equal(2, rating.Ratings[0].Answers);
        Assert.Equal(3.0, rating.Ratings[0].Mean);
        Assert.Equal([1, 1, 0], rating.Ratings[1].Counts);
        Assert.Equal(1.5, rating.Ratings[1].Mean);
        Assert.Empty(rating.Texts);
    }

    [Fact]
    public void Choices_are_counted_per_option()
    {
        var summary = _named.Summarize();

        Assert.Equal(
            [new ChoiceTally("Weekly", 0), new ChoiceTally("Monthly", 2), new ChoiceTally("Termly", 0)],
            summary.Prompts[TestActivities.ChoiceStep].Choices);
        Assert.Equal(
            [new ChoiceTally("Weekly", 1), new ChoiceTally("Monthly", 0), new ChoiceTally("Termly", 2)],
            summary.Prompts[TestActivities.MultipleChoiceStep].Choices);
    }

    [Fact]
    public void An_anonymous_session_names_no_author()
    {
        var summary = _anonymous.Summarize();

        var entries = summary.Prompts.SelectMany(p => p.Texts.Concat(p.Left).Concat(p.Right)).ToList();
        Assert.Equal(11, entries.Count);
        Assert.All(entries, e => Assert.Null(e.Author));
    }

    [Fact]
    public void A_named_session_names_the_author_of_every_entry()
    {
        var entries = _named.Summarize().Prompts.SelectMany(p => p.Texts.Concat(p.Left).Concat(p.Right)).ToList();

        Assert.Equal(11, entries.Count);
        Assert.All(entries, e => Assert.Contains(e.Author, Authors));
    }

    [Fact]
    public void Responses_of_other_sessions_are_ignored()
    {
        var stray = _anonymous.Responses;

        var summary = SessionSummary.Build(_named.Session, _named.Participants, _named.Responses.Concat(stray));

        Assert.Equal(_named.Summarize().Prompts.Select(p => p.Responses), summary.Prompts.Select(p => p.Responses));
        Assert.Equal(2, summary.Prompts[TestActivities.TextStep].Texts.Count);
        Assert.Equal([0, 0, 2], summary.Prompts[TestActivities.RatingStep].Ratings[0].Counts);
    }

    [Fact]
    public void Steps_without_answers_give_zero_counts()
    {
        var summary = SessionSummary.Build(_named.Session, _named.Participants, []);

        Assert.All(summary.Prompts, p => Assert.Equal(0, p.Responses));
        Assert.All(summary.Prompts, p => Assert.Empty(p.Texts));
        // With no answer, even a floor of one keeps ratings withheld: there is nothing to show.
        Assert.True(summary.Prompts[TestActivities.RatingStep].RatingsWithheld);
        Assert.Empty(summary.Prompts[TestActivities.RatingStep].Ratings);
        Assert.Equal([0, 0, 0], summary.Prompts[TestActivities.ChoiceStep].Choices.Select(c => c.Count));
    }

    [Fact]
    public void Answers_are_listed_in_the_order_they_first_arrived_whatever_order_they_are_given_in()
    {
        var summary = SessionSummary.Build(_named.Session, _named.Participants, Enumerable.Reverse(_named.Responses));

        Assert.Equal(["Listen first", "Ask questions"], summary.Prompts[TestActivities.TextStep].Texts.Select(t => t.Text));
    }

    [Fact]
    public void A_changed_answer_keeps_its_place_and_shows_its_new_text()
    {
        var session = new SessionBuilder().Named().OnStep(TestActivities.TextStep);
        var ana = session.Join("Ana", TestClock.Now);
        var ben = session.Join("Ben", TestClock.Now);
        var anas = session.Answer(ana, 0, Answer.FromText("First draft"), null, TestClock.MinutesLater(1));
        var bens = session.Answer(ben, 0, Answer.FromText("Ben's view"), null, TestClock.MinutesLater(2));
        session.Answer(ana, 0, Answer.FromText("Second draft"), anas, TestClock.MinutesLater(3));

        var summary = SessionSummary.Build(session, [ana, ben], [bens, anas]);

        Assert.Equal(
            [new SummaryEntry("Second draft", "Ana"), new SummaryEntry("Ben's view", "Ben")],
            summary.Prompts[TestActivities.TextStep].Texts);
    }

    [Fact]
    public void A_rating_tally_with_no_answers_has_no_mean()
    {
        var tally = new RatingTally("Trust", [0, 0, 0]);

        Assert.Equal(0, tally.Answers);
        Assert.Null(tally.Mean);
    }

    [Fact]
    public void A_rating_tally_mean_weights_each_point_by_its_count()
    {
        var tally = new RatingTally("Trust", [1, 0, 2, 1]);

        Assert.Equal(4, tally.Answers);
        Assert.Equal((1 + 3 + 3 + 4) / 4.0, tally.Mean);
    }

    /// <summary>A session where Ana then Ben answered every step that takes answers, a minute apart.</summary>
    private sealed record Room(Session Session, IReadOnlyCollection<Participant> Participants, List<Response> Responses)
    {
        public static Room Answered(Session session)
        {
            var ana = session.Join("Ana", TestClock.Now);
            var ben = session.Join("Ben", TestClock.Now);
            var responses = new List<Response>();
            var minute = 1;

            void Both(Answer forAna, Answer forBen)
            {
                var step = session.CurrentStep;
                responses.Add(session.Answer(ana, step, forAna, null, TestClock.MinutesLater(minute++)));
                responses.Add(session.Answer(ben, step, forBen, null, TestClock.MinutesLater(minute++)));
                session.Advance(step);
            }

            Both(Answer.FromText("Listen first"), Answer.FromText("Ask questions"));
            Both(Parts("Trust", "Clarity"), Parts("Time", "Trust", "Roles"));
            Both(Parts("Shared goals", "No goals"), Parts("Met weekly", "Never met"));
            Both(Ratings(3, 2), Ratings(3, 1));
            Both(Picks(1), Picks(1));
            Both(Picks(0, 2), Picks(2));
            return new Room(session, [ana, ben], responses);
        }

        public SessionSummary Summarize() => SessionSummary.Build(Session, Participants, Responses);

        private static Answer Parts(params string[] texts) =>
            new([.. texts.Select((text, slot) => new AnswerPart(slot, text))]);

        private static Answer Ratings(params int[] values) =>
            new([.. values.Select((value, slot) => new AnswerPart(slot, "", value))]);

        private static Answer Picks(params int[] slots) =>
            new([.. slots.Select(slot => new AnswerPart(slot, ""))]);
    }
}
