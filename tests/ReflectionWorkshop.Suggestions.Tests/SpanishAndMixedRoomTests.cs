using ReflectionWorkshop.Suggestions.Text;

namespace ReflectionWorkshop.Suggestions.Tests;

public class SpanishAndMixedRoomTests
{
    private static readonly ThemeSuggester Suggester = new();

    [Fact]
    public void Spanish_answers_sharing_only_stop_words_are_not_grouped()
    {
        // They share "tener", "que", "de", "los", "para" and nothing else: none of that may link them.
        string[] answers =
        [
            "tener que esperar a los directivos",
            "tener presupuesto para los materiales",
            "tener de nuevo las canchas",
            "que llueva menos",
            "que los autobuses lleguen",
            "que el café esté caliente",
        ];

        var result = Suggester.Suggest(answers, "es");

        Assert.Empty(result.Themes);
    }

    [Fact]
    public void The_text_the_model_reads_for_a_spanish_answer_has_no_stop_word()
    {
        Assert.Equal("confianza equipo", Suggester.ModelText("la confianza en el equipo", "es"));
        Assert.Equal("", Suggester.ModelText("tener que", "es"));
        Assert.Equal("we trusted each other", Suggester.ModelText(" we trusted each other ", "en"));
    }

    [Fact]
    public void A_spanish_draft_is_never_named_by_a_stop_word()
    {
        string[] answers =
        [
            "confianza en el equipo",
            "había confianza entre nosotros",
            "la confianza se fue construyendo",
            "confianza",
            "tener tiempo",
            "tener",
            "que",
        ];

        var result = Suggester.Suggest(answers, "es");

        var theme = Assert.Single(result.Themes, t => t.Members.Contains(0));
        Assert.Contains("onfianza", theme.Label);
        Assert.All(result.Themes, t => Assert.False(AnswerTokenizer.Spanish.IsStopWord(t.Label.ToLowerInvariant())));
        Assert.Contains(6, result.Unthemed);
    }

    [Theory]
    [InlineData("we could count on each other", "es", "en")]
    [InlineData("nobody knew who was doing what", "es", "en")]
    [InlineData("nos decíamos las cosas de frente", "en", "es")]
    [InlineData("no se cumplían los compromisos", "en", "es")]
    [InlineData("¿quién decide?", "en", "es")]
    public void The_language_of_a_clear_answer_is_guessed_whatever_the_room(string answer, string room, string expected)
    {
        Assert.Equal(expected, AnswerLanguage.Guess(answer, room));
    }

    [Fact]
    public void A_language_tag_with_a_region_counts_as_its_language()
    {
        Assert.Equal("es", AnswerLanguage.Guess("roles claros", "es-MX"));
        Assert.Equal("en", AnswerLanguage.Guess("roles claros", "fr"));
    }

    [Fact]
    public void A_mixed_room_names_each_draft_in_its_members_language()
    {
        string[] answers =
        [
            "confianza en el equipo",
            "había confianza entre nosotros",
            "la confianza se fue construyendo",
            "every meeting had an agenda sent ahead",
            "meetings had a clear agenda",
            "the agenda went out ahead of every meeting",
            "so much laughter",
            "budget spreadsheets",
        ];

        var result = Suggester.Suggest(answers, "en");

        var spanish = Assert.Single(result.Themes, t => t.Members.Contains(0));
        Assert.Contains("onfianza", spanish.Label);
        var english = Assert.Single(result.Themes, t => t.Members.Contains(3));
        Assert.Contains("agenda", english.Label);
    }

    [Fact]
    public void A_lone_answer_in_the_other_language_is_still_ranked()
    {
        // One Spanish card among English ones: too few to be centred on its own language's mean (which would be the
        // card itself, leaving nothing), so it is centred on the mean of all and still gets scores that differ.
        string[] cards =
        [
            "we trusted each other",
            "people kept their word",
            "the agenda went out ahead",
            "meetings started on time",
            "we laughed a lot",
            "confianza en el equipo",
        ];
        NamedTheme[] themes = [new("Trust", []), new("Good meetings", []), new("Joy", [])];

        var scores = Suggester.Score(cards, themes, "en", CancellationToken.None);

        Assert.True(scores[5].Distinct().Count() > 1);
    }

    [Fact]
    public void Centring_per_language_changes_nothing_in_a_one_language_room()
    {
        // Only a room with two languages (five or more answers each) is centred per language; one language: one mean.
        string[] answers =
        [
            "we trusted each other",
            "people kept their word",
            "the agenda went out ahead",
            "meetings started on time",
            "we laughed a lot",
            "so much laughter",
            "every meeting had an agenda",
        ];
        NamedTheme[] themes = [new("Trust", ["we could count on each other"]), new("Good meetings", []), new("Joy", [])];
        var oneMean = new ThemeSuggester(SuggesterOptions.Default with { MinAnswersPerLanguageMean = int.MaxValue });

        Assert.Equal(oneMean.Score(answers, themes, "en", CancellationToken.None), Suggester.Score(answers, themes, "en", CancellationToken.None));
        Assert.Equal(oneMean.Suggest(answers).Themes.Select(t => t.Members.ToArray()), Suggester.Suggest(answers).Themes.Select(t => t.Members.ToArray()));
    }
}
