namespace ReflectionWorkshop.Suggestions.Evaluation;

/// <summary>How far two groupings of the same items agree.</summary>
/// <param name="AdjustedRandIndex">Hubert and Arabie's adjusted Rand index: 1 identical, about 0 for chance agreement, can be negative.</param>
/// <param name="PairPrecision">Of the pairs the predicted grouping puts together, the share the reference also puts together.</param>
/// <param name="PairRecall">Of the pairs the reference puts together, the share the predicted grouping also puts together.</param>
/// <param name="PairF1">Harmonic mean of pair precision and recall.</param>
public sealed record Agreement(double AdjustedRandIndex, double PairPrecision, double PairRecall, double PairF1);

/// <summary>Compares two groupings of the same items, each given as one group label per item.</summary>
public static class GroupingAgreement
{
    public static Agreement Compare<TReference, TPredicted>(IReadOnlyList<TReference> reference, IReadOnlyList<TPredicted> predicted)
        where TReference : notnull
        where TPredicted : notnull
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(predicted);
        if (reference.Count != predicted.Count)
        {
            throw new ArgumentException("Both groupings must label the same items.", nameof(predicted));
        }
        var n = reference.Count;
        var cells = new Dictionary<(TReference, TPredicted), long>();
        var rows = new Dictionary<TReference, long>();
        var columns = new Dictionary<TPredicted, long>();
        for (var i = 0; i < n; i++)
        {
            var cell = (reference[i], predicted[i]);
            cells[cell] = cells.GetValueOrDefault(cell) + 1;
            rows[reference[i]] = rows.GetValueOrDefault(reference[i]) + 1;
            columns[predicted[i]] = columns.GetValueOrDefault(predicted[i]) + 1;
        }
        double together = cells.Values.Sum(Pairs);
        double referencePairs = rows.Values.Sum(Pairs);
        double predictedPairs = columns.Values.Sum(Pairs);
        double allPairs = Pairs(n);

        double ari;
        var expected = allPairs == 0 ? 0 : referencePairs * predictedPairs / allPairs;
        var maximum = (referencePairs + predictedPairs) / 2;
        if (maximum == expected)
        {
            // Degenerate: both all singletons or both one group (or fewer than two items). Identical or nothing to say.
            ari = together == referencePairs && together == predictedPairs ? 1 : 0;
        }
        else
        {
            ari = (together - expected) / (maximum - expected);
        }

        var precision = predictedPairs == 0 ? (referencePairs == 0 ? 1 : 0) : together / predictedPairs;
        var recall = referencePairs == 0 ? (predictedPairs == 0 ? 1 : 0) : together / referencePairs;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Agreement(ari, precision, recall, f1);
    }

    /// <summary>One label per answer from suggestions: the theme's position, or a singleton of its own if unthemed.</summary>
    public static int[] Labels(ThemeSuggestions suggestions, int count)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        var labels = Enumerable.Repeat(-1, count).ToArray();
        for (var t = 0; t < suggestions.Themes.Count; t++)
        {
            foreach (var m in suggestions.Themes[t].Members)
            {
                labels[m] = t;
            }
        }
        var next = suggestions.Themes.Count;
        for (var i = 0; i < count; i++)
        {
            if (labels[i] < 0)
            {
                labels[i] = next++;
            }
        }
        return labels;
    }

    private static long Pairs(long k) => k * (k - 1) / 2;
}
