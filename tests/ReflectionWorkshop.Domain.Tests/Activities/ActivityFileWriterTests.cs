using System.Text.Json;
using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

/// <summary>The editor and the files share one format: what the writer writes, the parser reads back unchanged.</summary>
public sealed class ActivityFileWriterTests
{
    private static string ActivitiesFolder => Path.Combine(AppContext.BaseDirectory, "seed-content", "activities");

    public static TheoryData<string> ShippedFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ActivitiesFolder, "*.md").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    private static Activity Parse(string text)
    {
        var result = ActivityFileParser.Parse(text);
        Assert.True(result.IsValid, string.Join("\n", result.Problems) + "\n" + text);
        return result.Activity!;
    }

    private static string Meaning(Activity activity) => JsonSerializer.Serialize(activity);

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Every_shipped_activity_survives_file_to_activity_to_file(string fileName)
    {
        var original = Parse(File.ReadAllText(Path.Combine(ActivitiesFolder, fileName)));

        var written = ActivityFileWriter.Write(original);
        var reread = Parse(written);

        Assert.Equal(Meaning(original), Meaning(reread));
        Assert.Equal(written, ActivityFileWriter.Write(reread));
        Assert.Equal(fileName, ActivityFileWriter.FileName(reread));
    }

    [Fact]
    public void Every_setting_of_every_kind_survives_the_round_trip()
    {
        var activity = new Activity
        {
            Id = "all-settings",
            Title = "All settings: a test",
            Purpose = "Every setting away from its default.",
            Language = "es-MX",
            Minutes = 45,
            Prompts =
            [
                new Prompt { Kind = PromptKind.Text, Title = "What happened?", MaxLength = 300, Body = "key: value on the first line\n\n### A heading\nMore." },
                new Prompt { Kind = PromptKind.List, Title = "Five characteristics", MinItems = 3, MaxItems = 5, ItemLabel = "Characteristic" },
                new Prompt { Kind = PromptKind.Compare, Title = "Two teams", LeftLabel = "Went well: why", RightLabel = "Did not" },
                new Prompt { Kind = PromptKind.Rating, Title = "Trust", Scale = ["Low", "Some", "High"], Items = ["Benevolence", "Reliability"], AnonymityFloor = 5, ContextFrom = 1, ContextTop = 4 },
                new Prompt { Kind = PromptKind.Choice, Title = "Pick", Options = ["A", "B", "C"], Multiple = true },
                new Prompt { Kind = PromptKind.Vote, Title = "Vote", ThemesFrom = 1, Dots = 5 },
                new Prompt { Kind = PromptKind.Info, Title = "Discuss", ContextFrom = 5, TimerMinutes = 10 },
            ],
        };

        var reread = Parse(ActivityFileWriter.Write(activity));

        Assert.Equal(Meaning(activity), Meaning(reread));
    }

    [Fact]
    public void A_step_timer_is_read_from_its_file_and_checked()
    {
        var text = """
            ---
            id: timed
            title: Timed
            purpose: A timer on a step.
            ---

            ## text: What did you learn?
            timer: 5
            """;

        Assert.Equal(5, Parse(text).Prompts[0].TimerMinutes);
        var problem = Assert.Single(ActivityFileParser.Parse(text.Replace("timer: 5", "timer: 90", StringComparison.Ordinal)).Problems);
        Assert.Equal(("File.Number", 8), (problem.Code, problem.Line));
    }

    [Fact]
    public void Defaults_are_left_out_of_the_file()
    {
        var text = ActivityFileWriter.Write(new Activity
        {
            Id = "short",
            Title = "Short",
            Purpose = "Defaults only.",
            Prompts = [new Prompt { Kind = PromptKind.List, Title = "Name three", MaxItems = 3 }, new Prompt { Kind = PromptKind.Vote, Title = "Vote", ThemesFrom = 0 }],
        });

        Assert.Equal(
            """
            ---
            id: short
            title: Short
            purpose: Defaults only.
            language: en
            ---

            ## list: Name three
            max: 3

            ## vote: Vote
            themes-from: 1

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void A_file_that_reads_cleanly_but_breaks_a_rule_is_refused_at_the_setting_line()
    {
        var result = ActivityFileParser.Parse($"""
            ---
            id: long-item
            title: Long item
            purpose: One rated thing is too long.
            ---

            ## rating: Rate it
            scale: Low | High
            item: Fine
            item: {new string('x', 201)}
            """);

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Activity);
        Assert.Equal(("Rule.EntryTooLong", 9, 0, "item"), (problem.Code, problem.Line, problem.Step, problem.Field));
    }

    [Fact]
    public void File_problems_carry_a_code_and_their_arguments()
    {
        var problem = Assert.Single(ActivityFileParser.Parse("""
            ---
            id: broken
            title: Broken
            purpose: Min above max.
            ---

            ## list: Name some things
            min: 5
            max: 2
            """).Problems);

        Assert.Equal("File.ListMinAboveMax", problem.Code);
        Assert.Equal([5, 2], problem.Args);
        Assert.Equal(8, problem.Line);
    }
}
