namespace ReflectionWorkshop.Suggestions.Tests;

public class SpanishAndMixedRoomTests
{
    private static readonly ThemeSuggester Suggester = new();

    [Fact]
    public void Spanish_answers_differing_by_plural_accents_and_stop_words_group_together()
    {
        string[] answers =
        [
            "comunicación abierta",
            "la comunicacion abierta",
            "Comunicaciones abiertas!",
            "un horario fijo los martes",
            "celebrar los logros del equipo",
        ];

        var result = Suggester.Suggest(answers, "es");

        var theme = Assert.Single(result.Themes);
        Assert.Equal([0, 1, 2], theme.Members);
        Assert.Equal([3, 4], result.Unthemed);
    }

    [Fact]
    public void Stop_words_typed_without_accents_are_still_stop_words()
    {
        // "mas" and "esta" are "más" and "está" typed on a phone: they must not link unrelated answers.
        string[] answers = ["mas tiempo para planear", "esta todo mas claro", "mas confianza", "tiempo para planear juntos"];

        var result = Suggester.Suggest(answers, "es");

        var theme = Assert.Single(result.Themes);
        Assert.Equal([0, 3], theme.Members);
    }

    [Theory]
    [InlineData("we could count on each other", "es", "en")]
    [InlineData("nobody knew who was doing what", "es", "en")]
    [InlineData("nos decíamos las cosas de frente", "en", "es")]
    [InlineData("no se cumplían los compromisos", "en", "es")]
    [InlineData("¿quién decide?", "en", "es")]
    [InlineData("confianza", "en", "es")]
    [InlineData("Trust", "es", "en")]
    [InlineData("stop micromanaging", "es", "en")]
    [InlineData("gatekeeping", "en", "en")]
    public void The_language_of_a_clear_answer_is_guessed_whatever_the_room(string answer, string room, string expected)
    {
        Assert.Equal(expected, Suggester.GuessLanguage(answer, room));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void An_answer_that_could_be_either_language_is_read_in_the_rooms(string room)
    {
        // "roles" is English and Spanish; WordNet even knows "claro" (a cigar).
        Assert.Equal(room, Suggester.GuessLanguage("roles claros", room));
    }

    [Fact]
    public void A_language_tag_with_a_region_counts_as_its_language()
    {
        Assert.Equal("es", Suggester.GuessLanguage("roles claros", "es-MX"));
        Assert.Equal("en", Suggester.GuessLanguage("roles claros", "fr"));
    }

    [Fact]
    public void A_mixed_room_labels_each_theme_in_its_members_language()
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
        ];

        var result = Suggester.Suggest(answers, "en");

        var spanish = Assert.Single(result.Themes, t => t.Members.Contains(0));
        Assert.Equal([0, 1, 2], spanish.Members);
        Assert.Equal("confianza", spanish.Label);
        var english = Assert.Single(result.Themes, t => t.Members.Contains(3));
        Assert.Equal([3, 4, 5], english.Members);
        Assert.Contains("agenda", english.Label);
        Assert.Equal([6], result.Unthemed);
    }

    [Fact]
    public void A_theme_with_members_in_both_languages_is_labelled_in_the_majority_language()
    {
        // Spanish "familias" and English "families" come down to the same stem, "famili"; no other answer has it.
        string[] answers =
        [
            "reuniones con las familias",
            "llamar a las familias",
            "families",
            "horario fijo los martes",
            "celebrar los logros",
            "presupuesto del distrito",
            "so much laughter",
            "clear agendas",
        ];

        var result = Suggester.Suggest(answers, "en");

        var theme = Assert.Single(result.Themes, t => t.Members.Contains(0));
        Assert.Equal([0, 1, 2], theme.Members);
        Assert.Equal("familias", theme.Label);
    }
}
