using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

public sealed class AnswerRulesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t ")]
    public void An_empty_text_answer_is_refused(string text)
    {
        var problem = SingleProblem(TestActivities.Text(), Answer.FromText(text));

        Assert.Equal(new AnswerProblem(0, "Write your answer before saving."), problem);
    }

    [Fact]
    public void A_text_answer_with_no_parts_is_refused()
    {
        var problem = SingleProblem(TestActivities.Text(), new Answer([]));

        Assert.Equal("Write your answer before saving.", problem.Message);
    }

    [Fact]
    public void A_text_answer_over_the_step_max_length_is_refused_with_both_numbers()
    {
        var problem = SingleProblem(TestActivities.Text(maxLength: 100), Answer.FromText(new string('x', 101)));

        Assert.Equal(0, problem.Slot);
        Assert.Equal("This is 101 characters; the limit is 100. Shorten it and save again.", problem.Message);
    }

    [Fact]
    public void A_text_answer_over_the_default_limit_shows_the_numbers_with_separators()
    {
        var problem = SingleProblem(TestActivities.Text(maxLength: AnswerLimits.TextMaxLength), Answer.FromText(new string('x', 2001)));

        Assert.Contains("2,001", problem.Message);
        Assert.Contains("2,000", problem.Message);
    }

    [Fact]
    public void A_text_answer_exactly_at_the_limit_is_accepted()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.Text(maxLength: 100), Answer.FromText(new string('x', 100))));
    }

    [Fact]
    public void Surrounding_whitespace_does_not_count_towards_the_limit()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.Text(maxLength: 100), Answer.FromText("  " + new string('x', 100) + "\n")));
    }

    [Fact]
    public void A_text_answer_with_a_second_part_is_refused()
    {
        var answer = new Answer([new AnswerPart(0, "Fine"), new AnswerPart(1, new string('x', 5000))]);

        Assert.NotEmpty(AnswerRules.Check(TestActivities.Text(maxLength: 100), answer));
    }

    [Fact]
    public void A_list_with_fewer_items_than_its_minimum_is_refused()
    {
        var answer = ListAnswer("Listen first", "   ", "");

        var problem = SingleProblem(TestActivities.List(minItems: 2, maxItems: 3), answer);

        Assert.Equal(new AnswerProblem(null, "Write at least 2 items before saving; you have 1."), problem);
    }

    [Fact]
    public void A_list_with_a_minimum_of_one_asks_for_one_item()
    {
        var problem = SingleProblem(TestActivities.List(minItems: 1, maxItems: 3), ListAnswer("", ""));

        Assert.Equal("Write at least one item before saving.", problem.Message);
    }

    [Fact]
    public void A_list_with_more_items_than_its_maximum_is_refused()
    {
        var problem = SingleProblem(TestActivities.List(minItems: 2, maxItems: 3), ListAnswer("One", "Two", "Three", "Four"));

        Assert.Equal(new AnswerProblem(null, "This list takes at most 3 items."), problem);
    }

    [Fact]
    public void A_list_field_beyond_the_maximum_is_refused_even_when_few_are_filled()
    {
        var answer = new Answer([new AnswerPart(0, "One"), new AnswerPart(5, "Six")]);

        var problem = SingleProblem(TestActivities.List(minItems: 2, maxItems: 3), answer);

        Assert.Equal("This list takes at most 3 items.", problem.Message);
    }

    [Fact]
    public void A_list_item_over_500_characters_is_refused_naming_its_field()
    {
        var answer = ListAnswer("One", "Two", new string('x', 501));

        var problem = SingleProblem(TestActivities.List(minItems: 2, maxItems: 3), answer);

        Assert.Equal(2, problem.Slot);
        Assert.Equal("This is 501 characters; the limit is 500. Shorten it and save again.", problem.Message);
    }

    [Fact]
    public void A_list_item_of_exactly_500_characters_is_accepted()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.List(minItems: 2, maxItems: 3), ListAnswer("One", new string('x', 500))));
    }

    [Fact]
    public void A_list_between_its_minimum_and_maximum_is_accepted()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.List(minItems: 2, maxItems: 3), ListAnswer("One", "", "Three")));
    }

    [Fact]
    public void Normalize_trims_list_items_drops_empty_fields_and_renumbers_in_order()
    {
        var answer = new Answer([new AnswerPart(2, " Third "), new AnswerPart(1, "   "), new AnswerPart(0, "First\n")]);

        var normalized = AnswerRules.Normalize(TestActivities.List(), answer);

        Assert.Equal([new AnswerPart(0, "First"), new AnswerPart(1, "Third")], normalized.Parts);
    }

    [Fact]
    public void Normalize_takes_control_characters_out_of_answers_and_keeps_line_breaks_and_tabs()
    {
        var answer = new Answer([new AnswerPart(0, "Trust\u0001 and\u0007 time\r\nnext\tline\u001b")]);

        var normalized = AnswerRules.Normalize(TestActivities.Text(), answer);

        Assert.Equal("Trust and time\nnext\tline", normalized.Parts.Single().Text);
    }

    [Fact]
    public void Normalize_keeps_rating_and_choice_parts_that_carry_no_text()
    {
        var rating = new Answer([new AnswerPart(1, "", 2), new AnswerPart(0, "", 3)]);
        var choice = new Answer([new AnswerPart(2, "")]);

        Assert.Equal([new AnswerPart(0, "", 3), new AnswerPart(1, "", 2)], AnswerRules.Normalize(TestActivities.Rating(), rating).Parts);
        Assert.Equal([new AnswerPart(2, "")], AnswerRules.Normalize(TestActivities.Choice(), choice).Parts);
    }

    [Fact]
    public void A_compare_answer_with_both_sides_is_accepted()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.Compare(), CompareAnswer("Shared goals", "No follow-through")));
    }

    [Fact]
    public void A_compare_answer_without_its_right_side_is_refused_naming_that_side()
    {
        var problem = SingleProblem(TestActivities.Compare(), CompareAnswer("Shared goals", "  "));

        Assert.Equal(new AnswerProblem(1, "Fill in “Struggled” too: both sides are answered together."), problem);
    }

    [Fact]
    public void A_compare_answer_without_its_left_side_is_refused_naming_that_side()
    {
        var problem = SingleProblem(TestActivities.Compare(), new Answer([new AnswerPart(1, "No follow-through")]));

        Assert.Equal(0, problem.Slot);
        Assert.Contains("“Went well”", problem.Message);
    }

    [Fact]
    public void A_compare_side_over_500_characters_is_refused()
    {
        var problem = SingleProblem(TestActivities.Compare(), CompareAnswer("Shared goals", new string('x', 501)));

        Assert.Equal(1, problem.Slot);
        Assert.Contains("501", problem.Message);
        Assert.Contains("500", problem.Message);
    }

    [Fact]
    public void A_compare_answer_with_a_third_side_is_refused()
    {
        var answer = new Answer([new AnswerPart(0, "A"), new AnswerPart(1, "B"), new AnswerPart(2, "C")]);

        var problem = SingleProblem(TestActivities.Compare(), answer);

        Assert.Equal("A compare answer has exactly two sides.", problem.Message);
    }

    [Fact]
    public void A_compare_answer_with_two_parts_for_one_side_is_refused()
    {
        var answer = new Answer([new AnswerPart(0, "A"), new AnswerPart(0, new string('x', 5000)), new AnswerPart(1, "B")]);

        Assert.NotEmpty(AnswerRules.Check(TestActivities.Compare(), answer));
    }

    [Fact]
    public void A_rating_of_every_item_on_the_scale_is_accepted()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.Rating(), RatingAnswer(1, 3)));
    }

    [Fact]
    public void A_rating_that_leaves_an_item_unrated_is_refused_naming_the_item()
    {
        var answer = new Answer([new AnswerPart(0, "", 2)]);

        var problem = SingleProblem(TestActivities.Rating(), answer);

        Assert.Equal(new AnswerProblem(1, "Choose a rating for “Follow-through”."), problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void A_rating_off_the_scale_is_refused(int value)
    {
        var problem = SingleProblem(TestActivities.Rating(), RatingAnswer(2, value));

        Assert.Equal(new AnswerProblem(1, "A rating for “Follow-through” is a point on the scale from 1 to 3."), problem);
    }

    [Fact]
    public void A_rating_of_an_item_the_step_does_not_have_is_refused()
    {
        var answer = new Answer([new AnswerPart(0, "", 1), new AnswerPart(1, "", 1), new AnswerPart(2, "", 1)]);

        var problem = SingleProblem(TestActivities.Rating(), answer);

        Assert.Equal("This answer rates an item the step does not have.", problem.Message);
    }

    [Fact]
    public void A_rating_answer_that_rates_an_item_twice_is_refused()
    {
        var answer = new Answer([new AnswerPart(0, "", 1), new AnswerPart(0, "", 99), new AnswerPart(1, "", 2)]);

        Assert.NotEmpty(AnswerRules.Check(TestActivities.Rating(), answer));
    }

    [Fact]
    public void A_single_choice_with_nothing_picked_is_refused()
    {
        var problem = SingleProblem(TestActivities.Choice(), new Answer([]));

        Assert.Equal(new AnswerProblem(null, "Pick an option before saving."), problem);
    }

    [Fact]
    public void A_multiple_choice_with_nothing_picked_is_refused()
    {
        var problem = SingleProblem(TestActivities.Choice(multiple: true), new Answer([]));

        Assert.Equal("Pick at least one option before saving.", problem.Message);
    }

    [Fact]
    public void A_single_choice_with_two_picked_is_refused()
    {
        var problem = SingleProblem(TestActivities.Choice(), ChoiceAnswer(0, 2));

        Assert.Equal("Pick just one option.", problem.Message);
    }

    [Fact]
    public void A_single_choice_with_one_picked_is_accepted()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.Choice(), ChoiceAnswer(1)));
    }

    [Fact]
    public void A_multiple_choice_accepts_several_options()
    {
        Assert.Empty(AnswerRules.Check(TestActivities.Choice(multiple: true), ChoiceAnswer(0, 1, 2)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void An_option_the_step_does_not_offer_is_refused(int slot)
    {
        var problem = SingleProblem(TestActivities.Choice(multiple: true), ChoiceAnswer(0, slot));

        Assert.Equal("That option is not one of this step's options.", problem.Message);
    }

    [Fact]
    public void Picking_the_same_option_twice_is_refused()
    {
        var problem = SingleProblem(TestActivities.Choice(multiple: true), ChoiceAnswer(1, 1));

        Assert.Equal("Each field of an answer can be given only once.", problem.Message);
    }

    [Fact]
    public void An_info_step_refuses_any_answer()
    {
        Assert.Equal("This step is for reading or discussing; it takes no answer.", SingleProblem(TestActivities.Info(), Answer.FromText("Hello")).Message);
        Assert.Single(AnswerRules.Check(TestActivities.Info(), new Answer([])));
    }

    private static AnswerProblem SingleProblem(Prompt prompt, Answer answer) =>
        Assert.Single(AnswerRules.Check(prompt, answer));

    private static Answer ListAnswer(params string[] fields) =>
        new([.. fields.Select((text, slot) => new AnswerPart(slot, text))]);

    private static Answer CompareAnswer(string left, string right) =>
        new([new AnswerPart(0, left), new AnswerPart(1, right)]);

    private static Answer RatingAnswer(params int[] values) =>
        new([.. values.Select((value, slot) => new AnswerPart(slot, "", value))]);

    private static Answer ChoiceAnswer(params int[] slots) =>
        new([.. slots.Select(slot => new AnswerPart(slot, ""))]);
}
