using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Suggestions.Evaluation;

namespace ReflectionWorkshop.Suggestions.Tests;

public class GroupingAgreementTests
{
    [Fact]
    public void Identical_groupings_agree_fully_whatever_the_label_names()
    {
        var result = GroupingAgreement.Compare(["a", "a", "b", "b", "c"], [7, 7, 3, 3, 9]);

        Assert.Equal(1.0, result.AdjustedRandIndex, 9);
        Assert.Equal(1.0, result.PairF1, 9);
    }

    [Fact]
    public void Hand_computed_case()
    {
        // Reference {0,1,2} {3,4,5}; predicted {0,1} {2,3} {4,5}.
        // Pairs together: reference 3+3 = 6, predicted 1+1+1 = 3, both 2 (0-1, 4-5), all 15.
        // Expected index 6*3/15 = 1.2, maximum (6+3)/2 = 4.5, ARI = (2-1.2)/(4.5-1.2) = 0.8/3.3.
        // Precision 2/3, recall 2/6, F1 = 2*(2/3)*(1/3)/(2/3+1/3) = 4/9.
        var result = GroupingAgreement.Compare(["x", "x", "x", "y", "y", "y"], [0, 0, 1, 1, 2, 2]);

        Assert.Equal(0.8 / 3.3, result.AdjustedRandIndex, 9);
        Assert.Equal(2.0 / 3, result.PairPrecision, 9);
        Assert.Equal(1.0 / 3, result.PairRecall, 9);
        Assert.Equal(4.0 / 9, result.PairF1, 9);
    }

    [Fact]
    public void Everything_in_one_group_against_a_real_grouping_scores_zero_ari()
    {
        // Reference {0,1} {2,3}: 2 pairs; predicted one group: 6 pairs, both 2. Expected 2*6/6 = 2 = index.
        var result = GroupingAgreement.Compare([1, 1, 2, 2], [0, 0, 0, 0]);

        Assert.Equal(0.0, result.AdjustedRandIndex, 9);
        Assert.Equal(1.0 / 3, result.PairPrecision, 9);
        Assert.Equal(1.0, result.PairRecall, 9);
        Assert.Equal(0.5, result.PairF1, 9);
    }

    [Fact]
    public void A_grouping_worse_than_chance_scores_negative_ari()
    {
        // Reference {0,1} {2,3}; predicted {0,2} {1,3}: no pair in common. Expected 2*2/6 = 2/3, maximum 2.
        var result = GroupingAgreement.Compare(["a", "a", "b", "b"], ["p", "q", "p", "q"]);

        Assert.Equal((0 - 2.0 / 3) / (2 - 2.0 / 3), result.AdjustedRandIndex, 9);
        Assert.Equal(0.0, result.PairF1, 9);
    }

    [Fact]
    public void All_singletons_on_both_sides_agree()
    {
        var result = GroupingAgreement.Compare([1, 2, 3], ["a", "b", "c"]);

        Assert.Equal(1.0, result.AdjustedRandIndex, 9);
        Assert.Equal(1.0, result.PairF1, 9);
    }

    [Fact]
    public void Groupings_of_different_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => GroupingAgreement.Compare([1, 2], [1]));

    [Fact]
    public void Unthemed_answers_become_groups_of_one()
    {
        var suggestions = new ThemeSuggestions([new SuggestedTheme("t", [0, 2])], [1, 3]);

        var labels = GroupingAgreement.Labels(suggestions, 4);

        Assert.Equal(labels[0], labels[2]);
        Assert.Equal(4 - 1, labels.Distinct().Count());
        Assert.NotEqual(labels[1], labels[3]);
    }
}
