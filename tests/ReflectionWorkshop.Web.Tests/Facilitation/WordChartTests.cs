using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web.Facilitation;

namespace ReflectionWorkshop.Web.Tests.Facilitation;

/// <summary>The projector's word chart keeps each answer's words: the chart is the same as counting from scratch, every time.</summary>
public sealed class WordChartTests
{
    [Fact]
    public void A_chart_drawn_again_from_kept_answers_is_the_chart_counted_from_scratch()
    {
        var answers = new List<string> { "We trusted each other", "Trust first", "Shared goals", "shared goals matter" };

        var first = WordChart.Of(answers, 5, "en");
        answers.Add("Goals we share");
        var again = WordChart.Of(answers, 5, "en");

        Assert.Equal(WordCounts.Top(answers.Take(4), 5, "en"), first);
        Assert.Equal(WordCounts.Top(answers, 5, "en"), again);
        Assert.Contains(("goals", 3), again);
    }

    [Fact]
    public void The_same_answers_in_rooms_of_two_languages_are_read_in_each_rooms_language()
    {
        // No stop word says which language these are, so each room reads them in its own: English stems "trusting",
        // "trusted" and "trusts" into one word, Spanish does not. A kept English reading must not serve the Spanish room.
        string[] answers = ["trusting teams", "trusted teams", "trusts teams"];

        var english = WordChart.Of(answers, 5, "en");
        var spanish = WordChart.Of(answers, 5, "es");

        Assert.Equal(WordCounts.Top(answers, 5, "en"), english);
        Assert.Equal(WordCounts.Top(answers, 5, "es"), spanish);
        Assert.NotEqual(english, spanish);
    }
}
