namespace ReflectionWorkshop.Suggestions.Tests;

public class ThemeSuggesterTests
{
    // One shared instance, as the web app uses it; the lexicon loads once for the whole class.
    private static readonly ThemeSuggester Suggester = new();

    private static readonly string[] Mixed =
    [
        "we could count on each other",
        "reliable teammates",
        "Trust",
        "deep trust built over the years",
        "meetings had a clear agenda",
        "every meeting had an agenda sent ahead",
        "so much laughter",
        "it was fun, lots of laughter",
        "budget spreadsheets",
    ];

    [Fact]
    public void Empty_input_gives_no_themes()
    {
        var result = Suggester.Suggest([]);

        Assert.Empty(result.Themes);
        Assert.Empty(result.Unthemed);
    }

    [Fact]
    public void A_single_answer_is_unthemed()
    {
        var result = Suggester.Suggest(["clear roles"]);

        Assert.Empty(result.Themes);
        Assert.Equal([0], result.Unthemed);
    }

    [Fact]
    public void Identical_answers_group_together()
    {
        var result = Suggester.Suggest(["clear roles", "so much laughter", "clear roles", "Clear roles!"]);

        var theme = Assert.Single(result.Themes, t => t.Members.Contains(0));
        Assert.Equal([0, 2, 3], theme.Members);
    }

    [Fact]
    public void Unrelated_answers_do_not_group()
    {
        var result = Suggester.Suggest(["budget spreadsheets", "so much laughter", "the parking lot was icy"]);

        Assert.Empty(result.Themes);
        Assert.Equal([0, 1, 2], result.Unthemed);
    }

    [Fact]
    public void Every_index_appears_exactly_once()
    {
        var result = Suggester.Suggest(Mixed);

        var all = result.Themes.SelectMany(t => t.Members).Concat(result.Unthemed).Order().ToList();
        Assert.Equal(Enumerable.Range(0, Mixed.Length), all);
        Assert.All(result.Themes, t => Assert.Equal(t.Members.Order(), t.Members));
        Assert.All(result.Themes, t => Assert.True(t.Members.Count >= 2));
        Assert.Equal(result.Unthemed.Order(), result.Unthemed);
    }

    [Fact]
    public void Themes_come_largest_first_with_non_empty_labels()
    {
        var result = Suggester.Suggest(Mixed);

        Assert.NotEmpty(result.Themes);
        for (var i = 1; i < result.Themes.Count; i++)
        {
            Assert.True(result.Themes[i - 1].Members.Count >= result.Themes[i].Members.Count);
        }
        Assert.All(result.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Label)));
    }

    [Fact]
    public void Input_order_does_not_change_the_grouping()
    {
        var forward = Groups(Mixed, Suggester.Suggest(Mixed));
        var reversed = Mixed.Reverse().ToArray();
        var backward = Groups(reversed, Suggester.Suggest(reversed));
        var shuffled = Mixed.OrderBy(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).ToArray();
        var other = Groups(shuffled, Suggester.Suggest(shuffled));

        Assert.Equal(forward, backward);
        Assert.Equal(forward, other);
    }

    [Fact]
    public void The_same_input_gives_the_same_result()
    {
        var first = Suggester.Suggest(Mixed);
        var second = new ThemeSuggester().Suggest(Mixed);

        Assert.Equal(first.Unthemed, second.Unthemed);
        Assert.Equal(first.Themes.Count, second.Themes.Count);
        for (var i = 0; i < first.Themes.Count; i++)
        {
            Assert.Equal(first.Themes[i].Label, second.Themes[i].Label);
            Assert.Equal(first.Themes[i].Members, second.Themes[i].Members);
        }
    }

    [Fact]
    public void Answers_sharing_no_word_group_through_wordnet()
    {
        // "reliable" and "dependability" share no stem; WordNet links them (similar senses, derived forms).
        string[] answers = ["reliable teammates", "Dependability", "so much laughter", "budget spreadsheets"];

        var result = Suggester.Suggest(answers);

        var theme = Assert.Single(result.Themes);
        Assert.Equal([0, 1], theme.Members);
    }

    [Fact]
    public void Paraphrases_of_fun_group_apart_from_agendas()
    {
        var result = Suggester.Suggest(Mixed);

        var fun = Assert.Single(result.Themes, t => t.Members.Contains(6));
        Assert.Contains(7, fun.Members);
        Assert.DoesNotContain(4, fun.Members);
        var agenda = Assert.Single(result.Themes, t => t.Members.Contains(4));
        Assert.Contains(5, agenda.Members);
    }

    [Fact]
    public void Spanish_is_accepted_and_groups_by_words()
    {
        var result = Suggester.Suggest(["confianza en el equipo", "mucha confianza en el equipo", "reuniones cortas"], "es");

        var theme = Assert.Single(result.Themes);
        Assert.Equal([0, 1], theme.Members);
        Assert.Equal([2], result.Unthemed);
    }

    [Fact]
    public void The_lexicon_loads_once()
    {
        var first = Suggester.LexiconLoad();
        var second = new ThemeSuggester().LexiconLoad();

        Assert.Equal(first, second);
        Assert.True(first.ApproximateBytes > 10_000_000);
    }

    private static List<string> Groups(IReadOnlyList<string> answers, ThemeSuggestions result) =>
        result.Themes
            .Select(t => string.Join(" | ", t.Members.Select(m => answers[m]).Order(StringComparer.Ordinal)))
            .Append("unthemed: " + string.Join(" | ", result.Unthemed.Select(m => answers[m]).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
}
