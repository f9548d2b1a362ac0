using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;
using ReflectionWorkshop.Domain.Tests.Sessions;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Tests.Themes;

public sealed class BoardViewTests
{
    private readonly Session _session = new SessionBuilder().OnStep(TestActivities.CompareStep);

    private List<Response> Compare(params (string Left, string Right)[] answers) =>
        answers.Select((a, i) => _session.Answer(
                _session.Join(null, TestClock.Now),
                TestActivities.CompareStep,
                new Answer([new AnswerPart(0, a.Left), new AnswerPart(1, a.Right)]),
                null,
                TestClock.MinutesLater(i)))
            .ToList();

    [Fact]
    public void A_compare_answer_gives_one_card_per_side_and_a_list_one_per_item()
    {
        var cards = Card.From(_session.PromptAt(TestActivities.CompareStep), Compare(("we trusted each other", "nobody owned anything")));

        Assert.Equal([("we trusted each other", CardSide.Left), ("nobody owned anything", CardSide.Right)], cards.Select(c => (c.Text, c.Side)));

        var listSession = new SessionBuilder().OnStep(TestActivities.ListStep);
        var list = listSession.Answer(listSession.Join(null, TestClock.Now), TestActivities.ListStep, new Answer([new AnswerPart(0, "Trust"), new AnswerPart(1, "Time")]), null, TestClock.Now);
        Assert.Equal(["Trust", "Time"], Card.From(listSession.PromptAt(TestActivities.ListStep), [list]).Select(c => c.Text));
        Assert.Empty(Card.From(listSession.PromptAt(TestActivities.RatingStep), [list]));
    }

    [Fact]
    public void Themes_count_their_cards_per_side_and_rank_by_how_strongly_they_set_the_sides_apart()
    {
        var responses = Compare(
            ("trust", "no trust"),
            ("we trusted each other", "roles were unclear"),
            ("clear roles", "roles unclear"),
            ("shared goal", "no shared goal"));
        var prompt = _session.PromptAt(TestActivities.CompareStep);
        var cards = Card.From(prompt, responses);
        var board = ThemeBoard.Create(_session.Id, TestActivities.CompareStep, TestClock.Now);
        board.AddThemes(
            [
                ("Trust", cards.Where(c => c.Text.Contains("trust", StringComparison.Ordinal)).Select(c => c.Key).ToList()),
                ("Roles", cards.Where(c => c.Text.Contains("roles", StringComparison.Ordinal)).Select(c => c.Key).ToList()),
            ],
            TestClock.Now);

        var view = BoardView.Build(prompt, board, cards);

        var trust = view.Themes.Single(t => t.Theme.Name == "Trust");
        var roles = view.Themes.Single(t => t.Theme.Name == "Roles");
        Assert.Equal((2, 1), (trust.Left, trust.Right));
        Assert.Equal((1, 2), (roles.Left, roles.Right));
        Assert.Equal(0.25, trust.Distinction, 6);
        Assert.Equal(-0.25, roles.Distinction, 6);
        Assert.Equal(CardSide.Left, trust.Marks);
        Assert.Equal(CardSide.Right, roles.Marks);
        Assert.Equal(["shared goal", "no shared goal"], view.Unthemed.Select(c => c.Text));
        Assert.Equal(8, view.CardCount);
    }

    [Fact]
    public void A_withdrawn_answer_disappears_from_its_theme()
    {
        var responses = Compare(("trust", "no trust"), ("trust again", "still no trust"));
        var prompt = _session.PromptAt(TestActivities.CompareStep);
        var board = ThemeBoard.Create(_session.Id, TestActivities.CompareStep, TestClock.Now);
        board.AddThemes([("Trust", Card.From(prompt, responses).Select(c => c.Key).ToList())], TestClock.Now);

        var view = BoardView.Build(prompt, board, Card.From(prompt, responses.Take(1)));

        Assert.Equal(2, view.Themes.Single().Count);
        Assert.Empty(view.Unthemed);
    }

    [Fact]
    public void Representative_quotes_are_the_cards_that_share_most_with_the_rest_in_arrival_order()
    {
        var cards = new[] { "pizza", "we could always count on each other", "count on each other always", "trust each other", "count on them" }
            .Select((text, i) => new Card(new CardKey(Guid.NewGuid(), i), text, CardSide.None, Guid.NewGuid()))
            .ToList();

        var quotes = BoardView.Representative(cards);

        Assert.Equal(["we could always count on each other", "count on each other always", "trust each other"], quotes.Select(c => c.Text));
    }

    [Fact]
    public void The_same_wording_is_quoted_once()
    {
        var cards = new[] { "Clear roles", "clear roles ", "Roles were clear", "Clear roles" }
            .Select((text, i) => new Card(new CardKey(Guid.NewGuid(), i), text, CardSide.None, Guid.NewGuid()))
            .ToList();

        Assert.Equal(["Clear roles", "Roles were clear"], BoardView.Representative(cards).Select(c => c.Text));
    }

    [Fact]
    public void Ranked_lists_themes_with_cards_largest_first()
    {
        var prompt = _session.PromptAt(TestActivities.CompareStep);
        var cards = Card.From(prompt, Compare(("a", "b"), ("c", "d")));
        var board = ThemeBoard.Create(_session.Id, TestActivities.CompareStep, TestClock.Now);
        board.AddThemes([("Small", [cards[0].Key]), ("Big", [cards[1].Key, cards[2].Key])], TestClock.Now);
        board.AddTheme("Empty", TestClock.Now);

        var view = BoardView.Build(prompt, board, cards);

        Assert.Equal(["Big", "Small"], view.Ranked.Select(t => t.Theme.Name));
        Assert.Equal(3, view.Themes.Count);
    }
}
