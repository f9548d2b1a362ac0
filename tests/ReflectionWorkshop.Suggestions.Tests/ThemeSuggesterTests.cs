namespace ReflectionWorkshop.Suggestions.Tests;

/// <summary>
/// The engine with the real model (no mocks). The model is one per process, so it loads once for the whole test run;
/// every call after that embeds a few short texts.
/// </summary>
public class ThemeSuggesterTests
{
    // One shared instance, as the web app uses it.
    private static readonly ThemeSuggester Suggester = new();

    private static readonly string[] Answers =
    [
        "we could count on each other",
        "deep trust built over the years",
        "we trusted each other completely",
        "meetings had a clear agenda",
        "every meeting had an agenda sent ahead",
        "the agenda went out before each meeting",
        "so much laughter",
        "it was fun, lots of laughter",
        "we laughed a lot together",
        "budget spreadsheets",
        "the district changed the bus schedule",
    ];

    [Fact]
    public void Empty_input_gives_no_themes()
    {
        var result = Suggester.Suggest([]);

        Assert.Empty(result.Themes);
        Assert.Empty(result.Unthemed);
    }

    [Fact]
    public void Identical_answers_end_up_together()
    {
        string[] answers = [.. Answers, "clear roles", "clear roles", "clear roles"];

        var result = Suggester.Suggest(answers);

        var theme = Assert.Single(result.Themes, t => t.Members.Contains(11));
        Assert.Contains(12, theme.Members);
        Assert.Contains(13, theme.Members);
    }

    [Fact]
    public void Every_index_appears_exactly_once_and_drafts_have_three_or_more()
    {
        var result = Suggester.Suggest(Answers);

        var all = result.Themes.SelectMany(t => t.Members).Concat(result.Unthemed).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Answers.Length), all);
        Assert.All(result.Themes, t => Assert.True(t.Members.Count >= 3));
        Assert.All(result.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Label)));
    }

    [Fact]
    public void Input_order_does_not_change_the_groups()
    {
        var forward = Groups(Answers, Suggester.Suggest(Answers));
        var reversed = Answers.Reverse().ToArray();
        var backward = Groups(reversed, Suggester.Suggest(reversed));

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void The_same_call_twice_gives_the_same_answer()
    {
        var first = Suggester.Suggest(Answers);
        var second = new ThemeSuggester().Suggest(Answers);

        Assert.Equal(Groups(Answers, first), Groups(Answers, second));
        Assert.Equal(first.Themes.Select(t => t.Label), second.Themes.Select(t => t.Label));
        Assert.Equal(first.Unthemed, second.Unthemed);
    }

    [Fact]
    public void A_draft_is_named_after_its_cards_never_a_lone_stop_word()
    {
        var result = Suggester.Suggest(Answers);

        Assert.NotEmpty(result.Themes);
        foreach (var theme in result.Themes)
        {
            // The name is one of the members, tidied, or words they share: it comes from the cards' own words.
            var words = theme.Label.ToLowerInvariant().Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(words, w => theme.Members.Any(m => Answers[m].Contains(w, StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(theme.Label.ToLowerInvariant(), new[] { "instead", "everyone", "team", "we", "the" });
        }
    }

    [Fact]
    public void More_than_the_cap_is_refused()
    {
        var answers = Enumerable.Range(0, SuggestionLimits.MaxAnswers + 1).Select(i => $"answer {i}").ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => Suggester.Suggest(answers));
        Assert.Throws<ArgumentOutOfRangeException>(() => Suggester.Place(answers, [new NamedTheme("Trust", [])]));
    }

    [Fact]
    public void A_cancelled_call_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var fresh = Enumerable.Range(0, 40).Select(i => $"a new answer never seen before {i}").ToList();

        Assert.ThrowsAny<OperationCanceledException>(() => Suggester.Suggest(fresh, "en", cancelled.Token));
    }

    [Fact]
    public void Place_ranks_an_obvious_card_under_the_right_name()
    {
        NamedTheme[] themes = [new("Scheduling", []), new("Trust", []), new("Celebrations", [])];

        var placements = Suggester.Place(["we trusted each other", "the meeting time kept moving"], themes);

        Assert.Equal(2, placements.Count);
        Assert.Equal(1, placements[0].Ranked[0]);
        Assert.Equal(0, placements[1].Ranked[0]);
        Assert.All(placements, p => Assert.Equal(3, p.Ranked.Count));
    }

    [Fact]
    public void Place_uses_the_examples_a_person_placed()
    {
        NamedTheme[] themes =
        [
            new("Trust", ["we could count on each other", "people kept their word"]),
            new("Scheduling", ["meetings kept getting moved", "no common planning time"]),
        ];

        var placements = Suggester.Place(["everyone did what they said they would"], themes);

        Assert.Equal(0, Assert.Single(placements).Ranked[0]);
    }

    [Fact]
    public void Place_is_deterministic_and_handles_no_themes()
    {
        NamedTheme[] themes = [new("Trust", ["we could count on each other"]), new("Clear agendas", []), new("Fun", [])];

        var first = Suggester.Place(Answers, themes);
        var second = new ThemeSuggester().Place(Answers, themes);

        Assert.Equal(first.Select(p => (string.Join(",", p.Ranked), p.Confident)), second.Select(p => (string.Join(",", p.Ranked), p.Confident)));
        Assert.All(Suggester.Place(Answers, []), p => Assert.Empty(p.Ranked));
    }

    // Each group as the sorted texts of its members, groups sorted: comparable across index orders.
    private static List<string> Groups(string[] answers, ThemeSuggestions result) =>
        result.Themes.Select(t => string.Join(" | ", t.Members.Select(m => answers[m]).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
}
