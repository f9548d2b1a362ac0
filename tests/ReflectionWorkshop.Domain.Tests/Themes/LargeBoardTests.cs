using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Tests.Themes;

/// <summary>
/// Issue 18, item 1: nothing a board does may cost more than its cards times a small factor, so an
/// imported session of tens of thousands of answers cannot hold a core for minutes. These run at the
/// size where the pairwise versions took minutes (61 s, 13 s, over 3 min when fixed) and now take
/// milliseconds; they hold no clock (a shared machine makes timings noise), so a return to pairwise
/// work shows as a suite that suddenly takes minutes.
/// </summary>
public sealed class LargeBoardTests
{
    private const int Many = 20_000;

    private static List<Card> Cards(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new Card(new CardKey(Guid.NewGuid(), 0), $"people want clearer roles and more trust number{i % 97}", CardSide.None, Guid.NewGuid()))
            .ToList();

    [Fact]
    public void Representative_quotes_of_a_theme_of_twenty_thousand_cards()
    {
        var cards = Cards(Many);

        var quotes = BoardView.Representative(cards);

        Assert.Equal(3, quotes.Count);
    }

    [Fact]
    public void Representative_quotes_are_the_cards_sharing_most_words_with_the_others()
    {
        Card Make(string text) => new(new CardKey(Guid.NewGuid(), 0), text, CardSide.None, Guid.NewGuid());
        var cards = new[]
        {
            Make("lunch was nice"),
            Make("clear roles helped"),
            Make("roles were clear from day one"),
            Make("Clear roles helped"),
            Make("nobody knew their roles"),
            Make("weather"),
        };

        var quotes = BoardView.Representative(cards);

        // Ties and the wording given twice aside, the cards that share most words with the rest come first, in the order they arrived.
        Assert.Equal(["clear roles helped", "roles were clear from day one", "nobody knew their roles"], quotes.Select(q => q.Text));
    }

    [Fact]
    public void Confirming_and_splitting_twenty_thousand_cards()
    {
        // Set up in bulk: one edit per card would itself be pairwise (each edit writes the board anew, as one request does).
        var board = ThemeBoard.Create(Guid.NewGuid(), 0, TestClock.Now);
        var keys = Cards(Many).Select(c => c.Key).ToList();
        var theme = board.AddThemes([("Everything", keys)], TestClock.Now).Single();
        var other = board.AddTheme("Other", TestClock.Now);
        var fresh = Cards(Many).Select(c => c.Key).ToList();
        board.Confirm(other.Id, fresh.Take(1000).ToList(), TestClock.Now);

        Assert.Equal(Many - 1000, board.Confirm(theme.Id, fresh, TestClock.Now));
        board.Split(theme.Id, keys.Take(Many / 2).ToList(), "Half", TestClock.Now);

        Assert.Equal(Many / 2, board.Themes.Single(t => t.Name == "Half").Cards.Count);
    }

    [Fact]
    public void Adding_thousands_of_themes_with_one_name_is_refused_past_the_limit_without_numbering_each_in_turn()
    {
        var board = ThemeBoard.Create(Guid.NewGuid(), 0, TestClock.Now);
        var themes = Cards(5000).Select(c => ("Same", (IReadOnlyList<CardKey>)[c.Key])).ToList();

        var refused = Assert.Throws<DomainException>(() => board.AddThemes(themes, TestClock.Now));

        Assert.Contains($"at most {AnswerLimits.BoardMaxThemes} themes", refused.Message, StringComparison.Ordinal);
        Assert.Empty(board.Themes);

        board.AddThemes(themes.Take(AnswerLimits.BoardMaxThemes).ToList(), TestClock.Now);
        Assert.Equal("Same (100)", board.Themes[^1].Name);
    }

    [Fact]
    public void A_board_holds_at_most_a_hundred_themes_whichever_way_they_come()
    {
        var board = ThemeBoard.Create(Guid.NewGuid(), 0, TestClock.Now);
        for (var i = 1; i <= AnswerLimits.BoardMaxThemes; i++)
        {
            board.AddTheme($"Theme {i}", TestClock.Now);
        }

        var card = new CardKey(Guid.NewGuid(), 0);
        board.Move(card, null, board.Themes[0].Id, TestClock.Now);
        board.Move(new CardKey(Guid.NewGuid(), 0), null, board.Themes[0].Id, TestClock.Now);
        board.SetDrafts([("Draft", [new CardKey(Guid.NewGuid(), 0)])], TestClock.Now);

        Assert.Throws<DomainException>(() => board.AddTheme("One more", TestClock.Now));
        Assert.Throws<DomainException>(() => board.Split(board.Themes[0].Id, [card], "Split off", TestClock.Now));
        Assert.Throws<DomainException>(() => board.AcceptDraft(board.Drafts[0].Id, "Draft", TestClock.Now));
        Assert.Equal(AnswerLimits.BoardMaxThemes, board.Themes.Count);
    }
}
