namespace ReflectionWorkshop.Suggestions.Tests;

/// <summary>The projector's word chart: the words a room used most, without filler, each word and its inflections once.</summary>
public sealed class WordCountsTests
{
    [Fact]
    public void Each_word_counts_once_per_answer_and_common_words_are_left_out()
    {
        var top = WordCounts.Top(["Trust and trust and TRUST", "We built trust", "Shared goals", "shared goals matter", "the the the"], 5);

        Assert.Equal([("goals", 2), ("shared", 2), ("trust", 2)], top);
    }

    [Fact]
    public void Inflections_are_one_word_shown_in_the_form_written_most()
    {
        var top = WordCounts.Top(["We trusted each other", "Trust first", "trust was high", "Trusting the process"], 3);

        Assert.Equal([("trust", 4)], top);
    }

    [Fact]
    public void Spanish_answers_lose_their_own_stop_words_and_plurals()
    {
        var top = WordCounts.Top(["Cada reunión empieza tarde", "Cada semana una reunión", "Las reuniones son largas", "Metas claras para cada equipo"], 5, "es");

        Assert.Contains(("reunión", 3), top);
        Assert.DoesNotContain(top, entry => entry.Word is "cada" or "las" or "una" or "para");
    }

    [Fact]
    public void Filler_words_of_either_language_never_make_the_chart_in_a_mixed_room()
    {
        string[] answers = ["Every meeting starts late", "We never agree on every detail", "Never enough time for every voice", "Cada voz cuenta", "Cada semana igual"];

        var top = WordCounts.Top(answers, 10);

        Assert.DoesNotContain(top, entry => entry.Word is "every" or "never" or "cada");
    }

    [Fact]
    public void The_same_answers_in_another_order_give_the_same_chart()
    {
        string[] answers = ["Clear roles", "roles were clear", "Clear goals", "Goals everyone knew", "Roles"];

        Assert.Equal(WordCounts.Top(answers, 5), WordCounts.Top(answers.Reverse(), 5));
    }
}
