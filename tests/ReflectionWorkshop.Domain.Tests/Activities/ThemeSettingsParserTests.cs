using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>The settings that chain steps through themes: vote steps, context from earlier steps, the rating floor.</summary>
public sealed class ThemeSettingsParserTests
{
    private static string File(string steps) => $"""
        ---
        id: sample
        title: Sample
        purpose: Try the parser.
        ---

        {steps}
        """;

    private static ActivityProblem SingleProblem(string steps) =>
        Assert.Single(ActivityFileParser.Parse(File(steps)).Problems);

    [Fact]
    public void A_vote_step_reads_its_source_step_and_dots_and_a_later_step_its_context()
    {
        var result = ActivityFileParser.Parse(File("""
            ## list: What four characteristics set them apart?
            max: 4

            ## vote: Which characteristics matter most?
            themes-from: 1
            dots: 5

            ## text: How might we build the top one?
            context-from: 2
            context-top: 1
            """));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var vote = result.Activity!.Prompts[1];
        Assert.Equal(PromptKind.Vote, vote.Kind);
        Assert.Equal(0, vote.ThemesFrom);
        Assert.Equal(5, vote.Dots);
        Assert.Null(vote.ContextFrom);
        var text = result.Activity.Prompts[2];
        Assert.Equal(1, text.ContextFrom);
        Assert.Equal(1, text.ContextTop);
    }

    [Fact]
    public void Defaults_are_three_dots_three_themes_of_context_and_a_floor_of_three()
    {
        var result = ActivityFileParser.Parse(File("""
            ## text: What went well?

            ## vote: Which matters most?
            themes-from: 1

            ## rating: How much trust is there?
            scale: Low | High
            item: In this group
            context-from: 1
            """));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(3, result.Activity!.Prompts[1].Dots);
        Assert.Equal(3, result.Activity.Prompts[2].ContextTop);
        Assert.Equal(3, result.Activity.Prompts[2].AnonymityFloor);
    }

    [Fact]
    public void A_rating_step_can_raise_its_anonymity_floor()
    {
        var result = ActivityFileParser.Parse(File("""
            ## rating: How much trust is there?
            scale: Low | High
            item: In this group
            anonymity-floor: 5
            """));

        Assert.Equal(5, result.Activity!.Prompts[0].AnonymityFloor);
    }

    [Fact]
    public void A_vote_without_a_source_step_is_refused_at_its_heading()
    {
        var problem = SingleProblem("## vote: Which matters most?");

        Assert.Equal(7, problem.Line);
        Assert.Contains("needs 'themes-from: N'", problem.Message);
    }

    [Fact]
    public void A_vote_pointing_at_itself_or_a_later_step_is_refused()
    {
        var problem = SingleProblem("""
            ## vote: Which matters most?
            themes-from: 2

            ## text: What went well?
            """);

        // The rules' own check of references (ActivityRules), at the setting's line.
        Assert.Equal(7, problem.Line);
        Assert.Equal("Step 2 does not come before this one (step 1); choose an earlier step.", problem.Message);
    }

    [Theory]
    [InlineData("## info: Read this", "Step 1 ('Read this') has no themes to vote on")]
    [InlineData("## choice: Pick\noption: A\noption: B", "Step 1 ('Pick') has no themes to vote on")]
    public void A_vote_takes_its_themes_only_from_a_free_text_step(string earlier, string expected)
    {
        var problem = SingleProblem($"""
            {earlier}

            ## vote: Which matters most?
            themes-from: 1
            """);

        Assert.Contains(expected, problem.Message);
        Assert.Contains("a vote takes its themes from a text, list or compare step", problem.Message);
    }

    [Fact]
    public void Context_may_come_from_a_vote_but_not_from_a_later_step()
    {
        var problem = SingleProblem("""
            ## text: How might we?
            context-from: 1
            """);

        Assert.Equal(7, problem.Line);
        Assert.Equal("Step 1 does not come before this one (step 1); choose an earlier step.", problem.Message);
    }

    [Fact]
    public void A_context_count_without_a_context_step_is_refused()
    {
        var problem = SingleProblem("""
            ## text: How might we?
            context-top: 2
            """);

        Assert.Equal(8, problem.Line);
        Assert.Contains("add 'context-from: N' too", problem.Message);
    }

    [Theory]
    [InlineData("dots: 0", "'dots' must be a whole number from 1 to 10, not '0'.")]
    [InlineData("dots: 11", "'dots' must be a whole number from 1 to 10, not '11'.")]
    [InlineData("themes-from: first", "'themes-from' must be a whole number from 1 to 100, not 'first'.")]
    public void Vote_numbers_out_of_range_are_refused_at_their_line(string setting, string message)
    {
        var problem = SingleProblem($"""
            ## text: What went well?

            ## vote: Which matters most?
            {(setting.StartsWith("dots", StringComparison.Ordinal) ? "themes-from: 1\n" : "")}{setting}
            """);

        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void The_anonymity_floor_belongs_to_rating_steps_only()
    {
        var problem = SingleProblem("""
            ## text: What went well?
            anonymity-floor: 4
            """);

        Assert.Contains("Unknown setting 'anonymity-floor' for this text step", problem.Message);
    }
}
