using System.Text.Json;
using System.Text.Json.Serialization;
using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>One activity file, several languages (issue #6): the first language owns the structure, the others only words.</summary>
public sealed class ActivityLanguagesTests
{
    /// <summary>English on lines 1–20, Spanish from line 21: the Spanish step headings are on lines 27, 32 and 36.</summary>
    private const string Bilingual = """
        ---
        id: check-in
        title: Check-in
        purpose: A quick read on the team.
        language: en
        minutes: 10
        ---

        ## list: What will you try?
        max: 3
        item-label: Idea

        ## choice: How often should we meet?
        option: Weekly
        option: Monthly

        ## vote: Which idea first?
        themes-from: 1
        dots: 2

        ---
        language: es
        title: Puesta en común
        purpose: Una lectura rápida del equipo.
        ---

        ## list: ¿Qué vas a probar?
        item-label: Idea

        Una por casilla.

        ## choice: ¿Cada cuánto nos reunimos?
        option: Cada semana
        option: Cada mes

        ## vote: ¿Qué idea primero?
        """;

    private static Activity Parse(string text)
    {
        var result = ActivityFileParser.Parse(text);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Activity!;
    }

    private static ActivityProblem SingleProblem(string text)
    {
        var result = ActivityFileParser.Parse(text);
        Assert.Null(result.Activity);
        return Assert.Single(result.Problems);
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_front_matter_block_is_a_translation_of_the_same_steps()
    {
        var activity = Parse(Bilingual);

        Assert.Equal(["en", "es"], activity.Languages);
        Assert.Equal("Check-in", activity.Title);
        Assert.Equal(3, activity.Prompts.Count);
        var spanish = activity.Translations["es"];
        Assert.Equal("Puesta en común", spanish.Title);
        Assert.Equal(["¿Qué vas a probar?", "¿Cada cuánto nos reunimos?", "¿Qué idea primero?"], spanish.Prompts.Select(p => p.Title));
        Assert.Equal("Una por casilla.", spanish.Prompts[0].Body);
        Assert.Equal(["Cada semana", "Cada mes"], spanish.Prompts[1].Options);
    }

    [Fact]
    public void In_gives_the_same_steps_with_the_other_language_s_words()
    {
        var activity = Parse(Bilingual);

        var spanish = activity.In("es");

        Assert.Equal("es", spanish.Language);
        Assert.Equal("Puesta en común", spanish.Title);
        Assert.Equal(activity.Prompts.Select(p => (p.Kind, p.MaxItems, p.ThemesFrom, p.Dots)), spanish.Prompts.Select(p => (p.Kind, p.MaxItems, p.ThemesFrom, p.Dots)));
        Assert.Equal(["Cada semana", "Cada mes"], spanish.Prompts[1].Options);
        Assert.Equal(["es", "en"], spanish.Languages);
    }

    [Theory]
    [InlineData("es", "es")]
    [InlineData("ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void In_falls_back_to_the_nearest_language_then_to_the_activity_s_own(string? asked, string expected)
    {
        var activity = Parse(Bilingual);

        var seen = activity.In(asked);

        Assert.Equal(expected, seen.Language);
        Assert.Equal(expected == "es" ? "Puesta en común" : "Check-in", seen.Title);
    }

    [Fact]
    public void A_plain_language_finds_a_regional_translation()
    {
        var activity = Parse(Replace(Bilingual, "language: es", "language: es-MX"));

        Assert.Equal("es-MX", activity.In("es").Language);
    }

    [Fact]
    public void Going_into_a_language_and_back_gives_the_activity_again()
    {
        var activity = Parse(Bilingual);

        Assert.Equal(Json(activity), Json(activity.In("es").In("en")));
        Assert.Same(activity, activity.In("en"));
    }

    [Fact]
    public void An_activity_in_one_language_has_no_translations_and_ignores_the_asked_language()
    {
        var activity = TestActivities.OneOfEachKind();

        Assert.Empty(activity.Translations);
        Assert.Equal(["en"], activity.Languages);
        Assert.Same(activity, activity.In("es"));
    }

    [Fact]
    public void A_translation_may_repeat_the_first_language_s_settings()
    {
        var activity = Parse(Replace(Replace(Bilingual, "## list: ¿Qué vas a probar?\n", "## list: ¿Qué vas a probar?\nmax: 3\n"), "## vote: ¿Qué idea primero?", "## vote: ¿Qué idea primero?\nthemes-from: 1\ndots: 2"));

        Assert.Equal(Json(Parse(Bilingual)), Json(activity));
    }

    [Fact]
    public void Bilingual_files_survive_file_to_activity_to_file()
    {
        var activity = Parse(Bilingual);

        var written = ActivityFileWriter.Write(activity);
        var reread = Parse(written);

        Assert.Equal(Json(activity), Json(reread));
        Assert.Equal(written, ActivityFileWriter.Write(reread));
        Assert.Contains("\n---\nlanguage: es\ntitle: Puesta en común\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("themes-from", written[written.IndexOf("language: es", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_rule_in_a_body_does_not_start_a_language()
    {
        var activity = Parse("""
            ---
            id: rule
            title: Rule
            purpose: A body with a rule.
            ---

            ## info: Read this

            Above the rule.

            ---

            Below the rule.
            """);

        Assert.Empty(activity.Translations);
        Assert.Contains("---", activity.Prompts[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_structural_setting_is_refused_at_its_line()
    {
        var problem = SingleProblem(Replace(Bilingual, "## list: ¿Qué vas a probar?\n", "## list: ¿Qué vas a probar?\nmax: 4\n"));

        Assert.Equal(("File.TranslationSetting", 28), (problem.Code, problem.Line));
        Assert.Equal(["max", "3"], problem.Args);
    }

    [Fact]
    public void A_different_vote_source_is_refused_at_its_line()
    {
        var problem = SingleProblem(Bilingual + "\ndots: 3");

        Assert.Equal(("File.TranslationSetting", 37), (problem.Code, problem.Line));
        Assert.Equal(["dots", "2"], problem.Args);
    }

    [Fact]
    public void A_step_of_another_kind_is_refused_at_its_heading()
    {
        var problem = SingleProblem(Replace(Bilingual, "## vote: ¿Qué idea primero?", "## text: ¿Qué idea primero?"));

        Assert.Equal(("File.TranslationKind", 36), (problem.Code, problem.Line));
        Assert.Equal([3, "vote", "text"], problem.Args);
    }

    [Fact]
    public void A_missing_step_is_refused_at_the_translation_s_front_matter()
    {
        var problem = SingleProblem(Replace(Bilingual, "\n\n## vote: ¿Qué idea primero?", ""));

        Assert.Equal(("File.TranslationStepCount", 21), (problem.Code, problem.Line));
        Assert.Equal([2, 3], problem.Args);
    }

    [Fact]
    public void An_extra_step_is_refused_at_its_heading()
    {
        var problem = SingleProblem(Bilingual + "\n\n## text: ¿Algo más?");

        Assert.Equal(("File.TranslationStepCount", 38), (problem.Code, problem.Line));
    }

    [Fact]
    public void A_different_number_of_options_is_refused_at_the_first_option()
    {
        var problem = SingleProblem(Replace(Bilingual, "option: Cada mes", "option: Cada mes\noption: Cada año"));

        Assert.Equal(("File.TranslationCount", 33), (problem.Code, problem.Line));
        Assert.Equal(["option", 3, 2], problem.Args);
    }

    [Fact]
    public void A_different_id_or_length_is_refused_at_its_line()
    {
        var text = Replace(Bilingual, "language: es\n", "language: es\nid: other\nminutes: 20\n");

        var problems = ActivityFileParser.Parse(text).Problems;

        Assert.Equal([("File.TranslationSetting", 23, "id"), ("File.TranslationSetting", 24, "minutes")], problems.Select(p => (p.Code, p.Line, (string)p.Args[0])));
    }

    [Fact]
    public void A_translation_must_name_its_language()
    {
        var problem = SingleProblem(Replace(Bilingual, "language: es\n", ""));

        Assert.Equal(("File.TranslationLanguage", 21), (problem.Code, problem.Line));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public void A_language_appears_once_in_a_file(string repeated)
    {
        var second = Bilingual[Bilingual.IndexOf("\n---\nlanguage: es", StringComparison.Ordinal)..].Replace("language: es", "language: " + repeated, StringComparison.Ordinal);
        var text = repeated == "en" ? Replace(Bilingual, "language: es", "language: en") : Bilingual + "\n" + second;

        var problem = SingleProblem(text);

        Assert.Equal("File.LanguageTwice", problem.Code);
        Assert.Equal(repeated == "en" ? 22 : 39, problem.Line);
    }

    [Fact]
    public void A_list_label_set_in_the_first_language_must_be_translated()
    {
        var problem = SingleProblem(Replace(Bilingual, "## list: ¿Qué vas a probar?\nitem-label: Idea\n", "## list: ¿Qué vas a probar?\n"));

        Assert.Equal(("File.TranslationNeedsText", 27), (problem.Code, problem.Line));
    }

    [Fact]
    public void The_parser_s_own_problems_in_a_translation_keep_their_line_in_the_file()
    {
        var problem = SingleProblem(Replace(Bilingual, "option: Cada semana", "option: Cada mes"));

        Assert.Equal(("File.ChoiceOptionsRepeat", 32), (problem.Code, problem.Line));
    }

    [Fact]
    public void An_unknown_setting_in_a_translation_keeps_its_line()
    {
        var problem = SingleProblem(Replace(Bilingual, "## vote: ¿Qué idea primero?", "## vote: ¿Qué idea primero?\npuntos: 2"));

        Assert.Equal(("File.UnknownSetting", 37), (problem.Code, problem.Line));
    }

    /// <summary>The options of ActivityJson, which stores session snapshots and the catalogue (Infrastructure/Persistence).</summary>
    private static readonly JsonSerializerOptions SnapshotOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static string Json(Activity activity) => JsonSerializer.Serialize(activity, SnapshotOptions);

    [Fact]
    public void A_snapshot_carries_its_translations()
    {
        var activity = Parse(Bilingual);

        var stored = Json(activity);
        var restored = JsonSerializer.Deserialize<Activity>(stored, SnapshotOptions)!;

        Assert.Equal(stored, Json(restored));
        Assert.Equal("¿Cada cuánto nos reunimos?", restored.In("es").Prompts[1].Title);
    }

    [Fact]
    public void A_snapshot_stored_before_translations_still_loads()
    {
        const string stored = """
            {"id":"old","title":"Old","purpose":"Stored before issue 6.","language":"en","minutes":null,
             "prompts":[{"kind":"choice","title":"Pick","body":"","options":["A","B"],"multiple":false,"takesAnswers":true,"canBeThemed":false}]}
            """;

        var restored = JsonSerializer.Deserialize<Activity>(stored, SnapshotOptions)!;

        Assert.Empty(restored.Translations);
        Assert.Equal(["en"], restored.Languages);
        Assert.Same(restored, restored.In("es"));
        Assert.Equal(["A", "B"], restored.Prompts[0].Options);
    }
}
