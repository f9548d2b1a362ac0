using ReflectionWorkshop.Web.Facilitation;

namespace ReflectionWorkshop.Web.Tests.Facilitation;

/// <summary>
/// What the projector's server-side budget decides (ADR-014); ProjectorInTheBrowserTests checks the same in Chromium.
/// </summary>
public sealed class ProjectorFitTests
{
    private static readonly string[] Short = ["Trust", "Clear roles", "Shared goals", "Listening", "Follow-through"];

    private static readonly string Long = string.Join(' ', Enumerable.Repeat("we agreed on norms and revisited them every term", 8));

    [Fact]
    public void A_few_answers_are_all_shown_and_nothing_is_counted_as_more()
    {
        var wall = ProjectorFit.Answers(Short, withWords: true, ProjectorFit.StageHeight);

        Assert.Equal(Short, wall.Shown);
        Assert.Equal(0, wall.More);
    }

    [Fact]
    public void What_does_not_fit_is_counted_and_the_shown_answers_keep_their_order()
    {
        var answers = Enumerable.Range(0, 200).Select(i => Short[i % Short.Length] + " " + i).ToList();

        var wall = ProjectorFit.Answers(answers, withWords: true, ProjectorFit.StageHeight);

        Assert.InRange(wall.Shown.Count, 10, 60);
        Assert.Equal(answers.Count, wall.Shown.Count + wall.More);
        Assert.Equal(answers.Take(wall.Shown.Count), wall.Shown);
    }

    [Fact]
    public void Short_answers_get_more_columns_than_long_ones_and_long_ones_take_three_lines_at_most()
    {
        var shortWall = ProjectorFit.Answers([.. Enumerable.Repeat("Trust", 60)], withWords: true, ProjectorFit.StageHeight);
        var longWall = ProjectorFit.Answers([.. Enumerable.Repeat(Long, 60)], withWords: true, ProjectorFit.StageHeight);

        Assert.Equal(3, shortWall.Columns);
        Assert.True(longWall.Shown.Count < shortWall.Shown.Count);
        // A card is cut to three lines, so even the longest answers show several to a column.
        Assert.True(longWall.Shown.Count >= longWall.Columns * 4, $"{longWall.Shown.Count} long answers in {longWall.Columns} columns.");
    }

    [Fact]
    public void A_compare_side_shows_fewer_than_a_whole_wall_and_a_one_line_title_leaves_more_room()
    {
        string[] answers = [.. Enumerable.Repeat("We agreed on one clear goal", 40)];
        var under = ProjectorFit.StageUnder("Think of two teams you have been part of.");
        var underLong = ProjectorFit.StageUnder("What connections do you see between the reading and your four characteristics?");

        Assert.True(under > underLong);
        Assert.True(ProjectorFit.Side(answers, withWords: true, under).Shown.Count < ProjectorFit.Answers(answers, withWords: true, under).Shown.Count);
        Assert.True(ProjectorFit.Answers(answers, withWords: true, under).Shown.Count >= ProjectorFit.Answers(answers, withWords: true, underLong).Shown.Count);
    }

    [Fact]
    public void Themes_and_chart_rows_fit_by_the_same_budget()
    {
        var themes = Enumerable.Range(0, 30).Select(i => ($"Theme {i}", (IReadOnlyList<string>)["A quote", Long])).ToList();

        var shown = ProjectorFit.Themes(themes, ProjectorFit.StageHeight);

        Assert.InRange(shown, 3, 29);
        Assert.InRange(ProjectorFit.BarRows(ProjectorFit.StageHeight), 10, 16);
    }
}
