using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>One test per rule of <see cref="ActivityRules"/>: each bad value is named with its step and setting.</summary>
public sealed class ActivityRulesTests
{
    /// <summary>Text, list, compare, rating, choice, multiple choice, info, then a vote on the list (step 8).</summary>
    private static Activity Valid() => TestActivities.OneOfEachKind() with
    {
        Prompts = [.. TestActivities.OneOfEachKind().Prompts, new Prompt { Kind = PromptKind.Vote, Title = "Which matter most?", ThemesFrom = TestActivities.ListStep }],
    };

    private const int VoteStep = 7;

    private static Activity WithStep(int step, Func<Prompt, Prompt> change)
    {
        var activity = Valid();
        var prompts = activity.Prompts.ToList();
        prompts[step] = change(prompts[step]);
        return activity with { Prompts = prompts };
    }

    private static ActivityProblem Single(Activity activity) => Assert.Single(ActivityRules.Validate(activity));

    private static void AssertProblem(Activity activity, int? step, string? field, string code)
    {
        var problem = Single(activity);
        Assert.Equal(code, problem.Code);
        Assert.Equal(step, problem.Step);
        Assert.Equal(field, problem.Field);
        Assert.Equal(0, problem.Line);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void A_complete_activity_of_every_kind_has_no_problems() => Assert.Empty(ActivityRules.Validate(Valid()));

    [Fact]
    public void Every_rule_message_formats_with_its_arguments() =>
        Assert.All(ActivityMessages.English, m => Assert.DoesNotContain("{", string.Format(System.Globalization.CultureInfo.InvariantCulture, m.Value, "a", "b", "c", "d", "e"), StringComparison.Ordinal));

    [Fact]
    public void An_activity_needs_a_title() => AssertProblem(Valid() with { Title = " " }, null, "title", "Rule.TitleMissing");

    [Fact]
    public void An_activity_title_is_at_most_200_characters() => AssertProblem(Valid() with { Title = new string('t', 201) }, null, "title", "Rule.TitleTooLong");

    [Fact]
    public void An_activity_needs_a_purpose() => AssertProblem(Valid() with { Purpose = "" }, null, "purpose", "Rule.PurposeMissing");

    [Fact]
    public void A_purpose_is_at_most_1000_characters() => AssertProblem(Valid() with { Purpose = new string('p', 1001) }, null, "purpose", "Rule.PurposeTooLong");

    [Fact]
    public void An_id_uses_lowercase_letters_digits_and_hyphens() => AssertProblem(Valid() with { Id = "Five Things" }, null, "id", "Rule.IdInvalid");

    [Fact]
    public void The_language_is_a_language_code() => AssertProblem(Valid() with { Language = "Spanish" }, null, "language", "Rule.LanguageInvalid");

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void The_length_in_minutes_is_from_1_to_600(int minutes) => AssertProblem(Valid() with { Minutes = minutes }, null, "minutes", "Rule.MinutesRange");

    [Fact]
    public void An_activity_needs_a_step() => AssertProblem(Valid() with { Prompts = [] }, null, null, "Rule.NoSteps");

    [Fact]
    public void An_activity_has_at_most_100_steps() =>
        AssertProblem(Valid() with { Prompts = Enumerable.Repeat(TestActivities.Text(), 101).ToList() }, null, null, "Rule.TooManySteps");

    [Fact]
    public void A_step_needs_a_question() => AssertProblem(WithStep(0, p => p with { Title = "" }), 0, "title", "Rule.StepTitleMissing");

    [Fact]
    public void A_step_question_is_at_most_200_characters() => AssertProblem(WithStep(2, p => p with { Title = new string('q', 201) }), 2, "title", "Rule.StepTitleTooLong");

    [Fact]
    public void A_step_text_is_at_most_4000_characters() => AssertProblem(WithStep(6, p => p with { Body = new string('b', 4001) }), 6, "body", "Rule.BodyTooLong");

    [Theory]
    [InlineData("Read this.\n## Not a step")]
    [InlineData("##")]
    public void A_step_text_cannot_hold_a_level_two_heading(string body) => AssertProblem(WithStep(6, p => p with { Body = body }), 6, "body", "Rule.BodyHeading");

    [Fact]
    public void A_level_three_heading_in_a_step_text_is_fine() => Assert.Empty(ActivityRules.Validate(WithStep(6, p => p with { Body = "### Pairs first\nTalk." })));

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public void A_text_answer_limit_is_from_1_to_2000(int maxLength) =>
        AssertProblem(WithStep(TestActivities.TextStep, p => p with { MaxLength = maxLength }), TestActivities.TextStep, "max-length", "Rule.MaxLengthRange");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_list_shows_1_to_10_fields(int max) =>
        AssertProblem(WithStep(TestActivities.ListStep, p => p with { MinItems = 1, MaxItems = max }), TestActivities.ListStep, "max", "Rule.ListMaxRange");

    [Fact]
    public void A_list_requires_at_least_one_item() =>
        AssertProblem(WithStep(TestActivities.ListStep, p => p with { MinItems = 0 }), TestActivities.ListStep, "min", "Rule.ListMinRange");

    [Fact]
    public void A_list_whose_maximum_is_below_its_minimum_is_refused_at_the_minimum()
    {
        var problem = Single(WithStep(TestActivities.ListStep, p => p with { MinItems = 4, MaxItems = 3 }));

        Assert.Equal(("Rule.ListMinAboveMax", TestActivities.ListStep, "min"), (problem.Code, problem.Step, problem.Field));
        Assert.Equal([4, 3], problem.Args);
        Assert.Contains("at least 4 items but the list shows only 3", problem.Message);
    }

    [Fact]
    public void A_list_item_label_is_at_most_200_characters() =>
        AssertProblem(WithStep(TestActivities.ListStep, p => p with { ItemLabel = new string('l', 201) }), TestActivities.ListStep, "item-label", "Rule.EntryTooLong");

    [Fact]
    public void A_compare_needs_its_first_side() =>
        AssertProblem(WithStep(TestActivities.CompareStep, p => p with { LeftLabel = "" }), TestActivities.CompareStep, "left", "Rule.CompareLeftMissing");

    [Fact]
    public void A_compare_needs_its_second_side() =>
        AssertProblem(WithStep(TestActivities.CompareStep, p => p with { RightLabel = " " }), TestActivities.CompareStep, "right", "Rule.CompareRightMissing");

    [Fact]
    public void A_rating_without_a_scale_is_refused_at_the_scale() =>
        AssertProblem(WithStep(TestActivities.RatingStep, p => p with { Scale = [] }), TestActivities.RatingStep, "scale", "Rule.ScaleMissing");

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void A_scale_has_2_to_10_labels(int labels) =>
        AssertProblem(WithStep(TestActivities.RatingStep, p => p with { Scale = Enumerable.Range(1, labels).Select(i => $"Level {i}").ToList() }), TestActivities.RatingStep, "scale", "Rule.ScaleSize");

    [Fact]
    public void A_scale_label_cannot_hold_the_file_separator() =>
        AssertProblem(WithStep(TestActivities.RatingStep, p => p with { Scale = ["Low", "Mid | High"] }), TestActivities.RatingStep, "scale", "Rule.ScaleBar");

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_rating_rates_1_to_12_things(int items) =>
        AssertProblem(WithStep(TestActivities.RatingStep, p => p with { Items = Enumerable.Range(1, items).Select(i => $"Thing {i}").ToList() }), TestActivities.RatingStep, "item", "Rule.RatingItems");

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void An_anonymity_floor_is_from_1_to_50(int floor) =>
        AssertProblem(WithStep(TestActivities.RatingStep, p => p with { AnonymityFloor = floor }), TestActivities.RatingStep, "anonymity-floor", "Rule.FloorRange");

    [Fact]
    public void A_rated_thing_is_at_most_200_characters() =>
        AssertProblem(WithStep(TestActivities.RatingStep, p => p with { Items = ["Trust", new string('x', 201)] }), TestActivities.RatingStep, "item", "Rule.EntryTooLong");

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void A_choice_offers_2_to_12_options(int options) =>
        AssertProblem(WithStep(TestActivities.ChoiceStep, p => p with { Options = Enumerable.Range(1, options).Select(i => $"Option {i}").ToList() }), TestActivities.ChoiceStep, "option", "Rule.ChoiceOptions");

    [Fact]
    public void Two_options_of_a_choice_must_differ() =>
        AssertProblem(WithStep(TestActivities.ChoiceStep, p => p with { Options = ["Weekly", "weekly"] }), TestActivities.ChoiceStep, "option", "Rule.ChoiceRepeat");

    [Fact]
    public void A_vote_needs_the_step_whose_themes_it_offers() =>
        AssertProblem(WithStep(VoteStep, p => p with { ThemesFrom = null }), VoteStep, "themes-from", "Rule.VoteSourceMissing");

    [Fact]
    public void A_vote_pointing_at_a_later_step_is_refused()
    {
        var activity = Valid();
        var prompts = activity.Prompts.ToList();
        var vote = prompts[VoteStep] with { ThemesFrom = 1 };
        prompts.RemoveAt(VoteStep);
        prompts.Insert(0, vote);

        AssertProblem(activity with { Prompts = prompts }, 0, "themes-from", "Rule.SourceNotEarlier");
    }

    [Fact]
    public void A_vote_pointing_at_itself_is_refused() =>
        AssertProblem(WithStep(VoteStep, p => p with { ThemesFrom = VoteStep }), VoteStep, "themes-from", "Rule.SourceNotEarlier");

    [Fact]
    public void A_vote_pointing_past_the_last_step_is_refused() =>
        AssertProblem(WithStep(VoteStep, p => p with { ThemesFrom = 40 }), VoteStep, "themes-from", "Rule.SourceMissingStep");

    [Fact]
    public void A_vote_on_a_step_without_themes_is_refused() =>
        AssertProblem(WithStep(VoteStep, p => p with { ThemesFrom = TestActivities.RatingStep }), VoteStep, "themes-from", "Rule.VoteSourceKind");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void A_vote_gives_1_to_10_dots(int dots) =>
        AssertProblem(WithStep(VoteStep, p => p with { Dots = dots }), VoteStep, "dots", "Rule.DotsRange");

    [Fact]
    public void Context_comes_from_an_earlier_step() =>
        AssertProblem(WithStep(TestActivities.ListStep, p => p with { ContextFrom = TestActivities.CompareStep }), TestActivities.ListStep, "context-from", "Rule.SourceNotEarlier");

    [Fact]
    public void Context_comes_from_a_step_with_themes_or_a_vote()
    {
        AssertProblem(WithStep(TestActivities.InfoStep, p => p with { ContextFrom = TestActivities.RatingStep }), TestActivities.InfoStep, "context-from", "Rule.ContextSourceKind");
        Assert.Empty(ActivityRules.Validate(Valid() with { Prompts = [.. Valid().Prompts, TestActivities.Info() with { ContextFrom = VoteStep }] }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Context_shows_1_to_20_themes(int top) =>
        AssertProblem(WithStep(TestActivities.InfoStep, p => p with { ContextFrom = TestActivities.ListStep, ContextTop = top }), TestActivities.InfoStep, "context-top", "Rule.ContextTopRange");

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void A_step_timer_runs_1_to_60_minutes(int minutes) =>
        AssertProblem(WithStep(TestActivities.InfoStep, p => p with { TimerMinutes = minutes }), TestActivities.InfoStep, "timer", "Rule.TimerRange");

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var activity = WithStep(TestActivities.ListStep, p => p with { MinItems = 5, MaxItems = 2 }) with { Title = "" };
        var prompts = activity.Prompts.ToList();
        prompts[TestActivities.RatingStep] = prompts[TestActivities.RatingStep] with { Scale = [] };

        var problems = ActivityRules.Validate(activity with { Prompts = prompts });

        Assert.Equal(["Rule.TitleMissing", "Rule.ListMinAboveMax", "Rule.ScaleMissing"], problems.Select(p => p.Code));
    }
}
