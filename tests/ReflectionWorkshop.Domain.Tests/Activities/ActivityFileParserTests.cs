using System.Text.Json;
using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

public sealed class ActivityFileParserTests
{
    /// <summary>Lines 1 to 5 of a file; with <see cref="WithSteps"/> the first step heading is on line 7.</summary>
    private const string FrontMatter = """
        ---
        id: sample
        title: Sample
        purpose: Try the parser.
        ---
        """;

    private const int FirstStepLine = 7;

    private const string EveryKind = """
        ---
        id: team-check-in
        title: Team check-in
        purpose: A quick read on how the team is working.
        language: es
        minutes: 25
        ---

        ## text: What would help our meetings most?
        max-length: 500

        Say it in a sentence.

        ## list: What will you try before we meet again?
        min: 2
        max: 4
        item-label: Idea

        ## compare: Think of two recent meetings.
        left: One that moved our work forward
        right: One that stalled

        ## rating: How is our team working right now?
        scale: Not yet | Somewhat | Mostly | Fully
        item: We follow through on our commitments
        item: Everyone's voice is heard

        Results are shown only as totals for the group.

        ## choice: Which ways of meeting suit you?
        option: In person
        option: Online
        option: Hybrid
        multiple: yes

        ## info: Talk it over

        ### Pairs first
        Share your ideas with a partner,
        then with the room.
        """;

    private static string ActivitiesFolder => Path.Combine(AppContext.BaseDirectory, "seed-content", "activities");

    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ActivitiesFolder, "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void A_file_with_every_kind_of_step_reads_the_header()
    {
        var activity = ParseValid(EveryKind);

        Assert.Equal("team-check-in", activity.Id);
        Assert.Equal("Team check-in", activity.Title);
        Assert.Equal("A quick read on how the team is working.", activity.Purpose);
        Assert.Equal("es", activity.Language);
        Assert.Equal(25, activity.Minutes);
        Assert.Equal(
            [PromptKind.Text, PromptKind.List, PromptKind.Compare, PromptKind.Rating, PromptKind.Choice, PromptKind.Info],
            activity.Prompts.Select(p => p.Kind));
    }

    [Fact]
    public void A_text_step_reads_its_max_length_and_keeps_its_body()
    {
        var text = ParseValid(EveryKind).Prompts[0];

        Assert.Equal("What would help our meetings most?", text.Title);
        Assert.Equal(500, text.MaxLength);
        Assert.Equal("Say it in a sentence.", text.Body);
    }

    [Fact]
    public void A_list_step_reads_min_max_and_item_label()
    {
        var list = ParseValid(EveryKind).Prompts[1];

        Assert.Equal("What will you try before we meet again?", list.Title);
        Assert.Equal(2, list.MinItems);
        Assert.Equal(4, list.MaxItems);
        Assert.Equal("Idea", list.ItemLabel);
        Assert.Equal("", list.Body);
    }

    [Fact]
    public void A_compare_step_reads_both_labels()
    {
        var compare = ParseValid(EveryKind).Prompts[2];

        Assert.Equal("One that moved our work forward", compare.LeftLabel);
        Assert.Equal("One that stalled", compare.RightLabel);
    }

    [Fact]
    public void A_rating_step_reads_the_scale_lowest_first_and_every_item()
    {
        var rating = ParseValid(EveryKind).Prompts[3];

        Assert.Equal(["Not yet", "Somewhat", "Mostly", "Fully"], rating.Scale);
        Assert.Equal(["We follow through on our commitments", "Everyone's voice is heard"], rating.Items);
        Assert.Equal("Results are shown only as totals for the group.", rating.Body);
    }

    [Fact]
    public void A_choice_step_reads_its_options_and_multiple()
    {
        var choice = ParseValid(EveryKind).Prompts[4];

        Assert.Equal(["In person", "Online", "Hybrid"], choice.Options);
        Assert.True(choice.Multiple);
    }

    [Fact]
    public void An_info_step_keeps_its_whole_markdown_body()
    {
        var info = ParseValid(EveryKind).Prompts[5];

        Assert.Equal("Talk it over", info.Title);
        Assert.Equal("### Pairs first\nShare your ideas with a partner,\nthen with the room.", info.Body);
        Assert.False(info.TakesAnswers);
    }

    [Fact]
    public void Optional_settings_take_their_documented_defaults()
    {
        var activity = ParseValid(WithSteps("""
            ## text: What did you learn?

            ## list: Name up to three things.
            max: 3

            ## choice: Pick one.
            option: Yes
            option: No
            """));

        Assert.Equal("en", activity.Language);
        Assert.Null(activity.Minutes);
        Assert.Equal(AnswerLimits.TextMaxLength, activity.Prompts[0].MaxLength);
        Assert.Equal(1, activity.Prompts[1].MinItems);
        Assert.Equal("Item", activity.Prompts[1].ItemLabel);
        Assert.False(activity.Prompts[2].Multiple);
    }

    [Fact]
    public void Every_shipped_activity_file_is_found()
    {
        Assert.Equal(8, Directory.GetFiles(ActivitiesFolder, "*.md").Length);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void A_shipped_activity_file_parses_and_its_id_is_its_file_name(string fileName)
    {
        var result = ActivityFileParser.Parse(File.ReadAllText(Path.Combine(ActivitiesFolder, fileName)));

        Assert.True(result.IsValid, $"{fileName}: {string.Join("; ", result.Problems)}");
        Assert.Empty(result.Problems);
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), result.Activity!.Id);
        Assert.NotEmpty(result.Activity.Prompts);
    }

    [Fact]
    public void A_file_without_front_matter_is_refused_at_line_1()
    {
        var result = ActivityFileParser.Parse("""
            id: sample
            title: Sample
            purpose: Try the parser.

            ## text: What did you learn?
            """);

        Assert.Null(result.Activity);
        var problem = result.Problems[0];
        Assert.Equal(1, problem.Line);
        Assert.Contains("must open with a front matter block", problem.Message);
    }

    [Fact]
    public void A_front_matter_that_is_never_closed_is_refused_at_line_1()
    {
        var result = ActivityFileParser.Parse("""
            ---
            id: sample
            title: Sample
            purpose: Try the parser.
            """);

        var problem = SingleProblem(result);
        Assert.Equal(1, problem.Line);
        Assert.Contains("never closed", problem.Message);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("title")]
    [InlineData("purpose")]
    public void A_missing_required_key_is_reported_at_the_closing_line_of_the_front_matter(string key)
    {
        var lines = new List<string> { "---", "id: sample", "title: Sample", "purpose: Try the parser.", "---", "", "## text: Q?" };
        lines.RemoveAll(l => l.StartsWith(key + ":", StringComparison.Ordinal));

        var problem = SingleProblem(ActivityFileParser.Parse(string.Join('\n', lines)));

        Assert.Equal(4, problem.Line);
        Assert.Equal($"The front matter needs '{key}'.", problem.Message);
    }

    [Fact]
    public void A_required_key_with_no_value_counts_as_missing()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text: Q?").Replace("title: Sample", "title:", StringComparison.Ordinal)));

        Assert.Equal(5, problem.Line);
        Assert.Equal("The front matter needs 'title'.", problem.Message);
    }

    [Theory]
    [InlineData("Team-Check-In")]
    [InlineData("team_check_in")]
    [InlineData("team--check-in")]
    [InlineData("-team")]
    [InlineData("team check in")]
    public void A_badly_formed_id_is_reported_on_its_line(string id)
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text: Q?").Replace("id: sample", $"id: {id}", StringComparison.Ordinal)));

        Assert.Equal(2, problem.Line);
        Assert.Contains($"The id '{id}' may use only lowercase letters, digits and single hyphens", problem.Message);
    }

    [Fact]
    public void An_unknown_front_matter_key_is_reported_on_its_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse("""
            ---
            id: sample
            title: Sample
            author: Someone
            purpose: Try the parser.
            ---

            ## text: Q?
            """));

        Assert.Equal(4, problem.Line);
        Assert.StartsWith("Unknown front matter key 'author'; the keys are id, title, purpose, language, minutes", problem.Message);
    }

    [Fact]
    public void A_front_matter_key_given_twice_is_reported_on_the_second_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse("""
            ---
            id: sample
            title: Sample
            purpose: Try the parser.
            title: Another
            ---

            ## text: Q?
            """));

        Assert.Equal(5, problem.Line);
        Assert.Equal("'title' is given twice in the front matter.", problem.Message);
    }

    [Theory]
    [InlineData("minutes: soon")]
    [InlineData("minutes: 0")]
    [InlineData("minutes: 601")]
    public void Minutes_that_are_not_a_whole_number_in_range_are_reported_on_their_line(string line)
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text: Q?").Replace("purpose: Try the parser.", "purpose: Try the parser.\n" + line, StringComparison.Ordinal)));

        Assert.Equal(5, problem.Line);
        Assert.StartsWith("'minutes' must be a whole number from 1 to 600", problem.Message);
    }

    [Fact]
    public void A_language_that_is_not_a_language_code_is_reported_on_its_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text: Q?").Replace("purpose: Try the parser.", "purpose: Try the parser.\nlanguage: English", StringComparison.Ordinal)));

        Assert.Equal(5, problem.Line);
        Assert.Contains("'English'", problem.Message);
    }

    [Fact]
    public void An_unknown_step_kind_is_reported_on_its_heading_with_the_known_kinds()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## poll: Which day suits you?")));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Equal("Unknown step kind 'poll'; the kinds are text, list, compare, rating, choice, info, vote.", problem.Message);
    }

    [Theory]
    [InlineData("## What did you learn?")]
    [InlineData("##")]
    [InlineData("## : What did you learn?")]
    public void A_malformed_step_heading_is_reported_on_its_line(string heading)
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps(heading)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.StartsWith("A step heading reads '## kind: title'", problem.Message);
    }

    [Fact]
    public void A_step_without_a_title_is_reported_on_its_heading()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text:")));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Contains("no title", problem.Message);
    }

    [Fact]
    public void Text_before_the_first_step_is_reported_on_its_first_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            Welcome to the session.
            Read this first.

            ## text: What did you learn?
            """)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.StartsWith("Only blank lines may stand between the front matter and the first step", problem.Message);
    }

    [Fact]
    public void A_file_with_no_steps_is_refused()
    {
        var result = ActivityFileParser.Parse(FrontMatter + "\n");

        Assert.Null(result.Activity);
        Assert.Contains("no steps", SingleProblem(result).Message);
    }

    [Fact]
    public void A_setting_that_does_not_belong_to_the_kind_is_reported_on_its_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## text: What did you learn?
            max: 3
            """)));

        Assert.Equal(FirstStepLine + 1, problem.Line);
        Assert.StartsWith("Unknown setting 'max' for this text step (allowed: max-length; any step also takes context-from, context-top, timer, reveal).", problem.Message);
    }

    [Fact]
    public void An_info_step_takes_no_settings()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## info: Talk it over
            note: bring a pen
            """)));

        Assert.Equal(FirstStepLine + 1, problem.Line);
        Assert.Contains("Unknown setting 'note'", problem.Message);
        Assert.Contains("it takes none of its own", problem.Message);
    }

    [Fact]
    public void A_setting_given_twice_is_reported_on_the_second_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## list: Name your ideas.
            max: 3
            min: 1
            max: 4
            """)));

        Assert.Equal(FirstStepLine + 3, problem.Line);
        Assert.Equal("'max' is given twice for this step.", problem.Message);
    }

    [Fact]
    public void A_list_whose_min_is_above_its_max_is_reported_on_the_min_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## list: Name your ideas.
            min: 4
            max: 3
            """)));

        Assert.Equal(FirstStepLine + 1, problem.Line);
        Assert.StartsWith("'min' (4) is more than 'max' (3)", problem.Message);
    }

    [Fact]
    public void A_list_without_max_is_reported_on_its_heading()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## list: Name your ideas.
            min: 2
            """)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.StartsWith("A list step needs 'max: N'", problem.Message);
    }

    [Fact]
    public void A_rating_without_a_scale_is_reported_on_its_heading()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## rating: How are we doing?
            item: Trust
            """)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.StartsWith("A rating step needs a scale", problem.Message);
    }

    [Fact]
    public void A_rating_scale_with_one_label_is_reported_on_the_scale_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## rating: How are we doing?
            scale: Fine
            item: Trust
            """)));

        Assert.Equal(FirstStepLine + 1, problem.Line);
        Assert.Contains("found 1", problem.Message);
    }

    [Fact]
    public void A_rating_without_items_is_reported_on_its_heading()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## rating: How are we doing?
            scale: Not yet | Fully
            """)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Equal("A rating step needs 1 to 12 'item: …' lines, one per thing to rate; found 0.", problem.Message);
    }

    [Fact]
    public void A_choice_with_one_option_is_reported_on_its_heading()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## choice: Pick one.
            option: The only one
            """)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Equal("A choice step needs 2 to 12 'option: …' lines; found 1.", problem.Message);
    }

    [Fact]
    public void A_choice_with_two_options_that_read_the_same_is_refused()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## choice: Pick one.
            option: Weekly
            option: weekly
            """)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Contains("read the same", problem.Message);
    }

    [Fact]
    public void A_choice_whose_multiple_is_not_yes_or_no_is_reported_on_that_line()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## choice: Pick some.
            option: Weekly
            option: Monthly
            multiple: maybe
            """)));

        Assert.Equal(FirstStepLine + 3, problem.Line);
        Assert.Equal("'multiple' is 'yes' or 'no', not 'maybe'.", problem.Message);
    }

    [Theory]
    [InlineData("left: Went well")]
    [InlineData("left: Went well\nright:")]
    [InlineData("right: Struggled")]
    public void A_compare_without_both_labels_is_reported_on_its_heading(string settings)
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## compare: Think of two teams.\n" + settings)));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Equal("A compare step needs both 'left: label' and 'right: label'.", problem.Message);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("2001")]
    [InlineData("-5")]
    [InlineData("3.5")]
    public void A_bad_number_is_reported_on_its_line_with_the_allowed_range(string value)
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps($"""
            ## text: What did you learn?
            max-length: {value}
            """)));

        Assert.Equal(FirstStepLine + 1, problem.Line);
        Assert.Equal($"'max-length' must be a whole number from 1 to 2000, not '{value}'.", problem.Message);
    }

    [Fact]
    public void A_list_max_above_ten_is_reported_as_a_bad_number()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## list: Name your ideas.
            max: 11
            """)));

        Assert.Equal(FirstStepLine + 1, problem.Line);
        Assert.Equal("'max' must be a whole number from 1 to 10, not '11'.", problem.Message);
    }

    [Fact]
    public void A_title_over_200_characters_is_reported_on_its_line()
    {
        var title = new string('t', 201);

        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text: Q?").Replace("title: Sample", $"title: {title}", StringComparison.Ordinal)));

        Assert.Equal(3, problem.Line);
        Assert.Equal("The title is 201 characters long; the limit is 200.", problem.Message);
    }

    [Fact]
    public void A_step_title_over_200_characters_is_reported_on_its_heading()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("## text: " + new string('q', 201))));

        Assert.Equal(FirstStepLine, problem.Line);
        Assert.Equal("The step title is 201 characters long; the limit is 200.", problem.Message);
    }

    [Fact]
    public void Front_matter_keys_and_step_kinds_ignore_case()
    {
        var activity = ParseValid(FrontMatter.Replace("id:", "ID:", StringComparison.Ordinal) + "\n\n## Text: What did you learn?");

        Assert.Equal("sample", activity.Id);
        Assert.Equal(PromptKind.Text, Assert.Single(activity.Prompts).Kind);
    }

    [Fact]
    public void A_capitalised_setting_is_read_as_a_setting()
    {
        var text = ParseValid(WithSteps("""
            ## text: What did you learn?
            Max-Length: 500
            """)).Prompts[0];

        Assert.Equal(500, text.MaxLength);
        Assert.Equal("", text.Body);
    }

    [Fact]
    public void A_setting_written_after_the_blank_line_is_body_text()
    {
        var text = ParseValid(WithSteps("""
            ## text: What did you learn?

            max-length: 500
            """)).Prompts[0];

        Assert.Equal(AnswerLimits.TextMaxLength, text.MaxLength);
        Assert.Equal("max-length: 500", text.Body);
    }

    [Fact]
    public void A_bad_list_max_is_reported_once_and_not_as_a_min_above_max()
    {
        var problem = SingleProblem(ActivityFileParser.Parse(WithSteps("""
            ## list: Name your ideas.
            min: 2
            max: ten
            """)));

        Assert.Equal(FirstStepLine + 2, problem.Line);
        Assert.Equal("'max' must be a whole number from 1 to 10, not 'ten'.", problem.Message);
    }

    [Fact]
    public void A_problem_in_a_later_step_loads_nothing_of_the_file()
    {
        var result = ActivityFileParser.Parse(WithSteps("""
            ## text: What did you learn?

            A fine first step.

            ## list: Name your ideas.
            """));

        Assert.False(result.IsValid);
        Assert.Null(result.Activity);
        Assert.Equal(FirstStepLine + 4, SingleProblem(result).Line);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_with_its_line()
    {
        var result = ActivityFileParser.Parse(WithSteps("""
            ## poll: Which day?

            ## choice: Pick one.
            option: Only
            """));

        Assert.Null(result.Activity);
        Assert.Equal([FirstStepLine, FirstStepLine + 2], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Crlf_line_endings_parse_the_same_as_lf()
    {
        var lf = ActivityFileParser.Parse(EveryKind);
        var crlf = ActivityFileParser.Parse(EveryKind.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.True(crlf.IsValid, string.Join("; ", crlf.Problems));
        Assert.Equal(Snapshot(lf.Activity), Snapshot(crlf.Activity));
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var plain = ActivityFileParser.Parse(EveryKind);
        var withBom = ActivityFileParser.Parse("\uFEFF" + EveryKind.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.True(withBom.IsValid, string.Join("; ", withBom.Problems));
        Assert.Equal(Snapshot(plain.Activity), Snapshot(withBom.Activity));
    }

    [Fact]
    public void Crlf_line_endings_keep_problem_line_numbers()
    {
        var text = WithSteps("""
            ## list: Name your ideas.
            min: 4
            max: 3
            """);

        var lf = SingleProblem(ActivityFileParser.Parse(text));
        var crlf = SingleProblem(ActivityFileParser.Parse("\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal)));

        Assert.Equal(lf, crlf);
        Assert.Equal(FirstStepLine + 1, crlf.Line);
    }

    [Fact]
    public void A_problem_reads_as_its_line_and_message()
    {
        Assert.Equal("line 8: Something is wrong.", new ActivityProblem(8, "Something is wrong.").ToString());
    }

    private static string WithSteps(string steps) => FrontMatter + "\n\n" + steps;

    private static Activity ParseValid(string text)
    {
        var result = ActivityFileParser.Parse(text);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Empty(result.Problems);
        return result.Activity!;
    }

    private static ActivityProblem SingleProblem(ActivityFileResult result)
    {
        Assert.Null(result.Activity);
        return Assert.Single(result.Problems);
    }

    private static string Snapshot(Activity? activity) => JsonSerializer.Serialize(activity);
}
