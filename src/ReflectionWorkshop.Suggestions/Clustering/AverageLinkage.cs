namespace ReflectionWorkshop.Suggestions.Clustering;

/// <summary>
/// Agglomerative clustering with average linkage (UPGMA) over a similarity matrix: the two clusters whose mean
/// pairwise similarity is highest are merged until no pair reaches the threshold. Ties go to the lower indices, so
/// the result depends only on the matrix. Each row keeps its best partner; only rows that pointed at a merged
/// cluster are rescanned.
/// </summary>
internal static class AverageLinkage
{
    /// <summary>Cluster labels 0..k-1 per item (numbered by first item) for items 0..n-1.</summary>
    public static int[] Cluster(float[,] similarity, float threshold)
    {
        var n = similarity.GetLength(0);
        var sim = (float[,])similarity.Clone();
        var size = new int[n];
        var active = new bool[n];
        var parent = new int[n];
        var best = new int[n];
        for (var i = 0; i < n; i++)
        {
            size[i] = 1;
            active[i] = true;
            parent[i] = i;
        }
        for (var i = 0; i < n; i++)
        {
            best[i] = BestPartner(i);
        }

        while (true)
        {
            var a = -1;
            var top = float.NegativeInfinity;
            for (var i = 0; i < n; i++)
            {
                if (active[i] && best[i] >= 0 && sim[i, best[i]] > top)
                {
                    top = sim[i, best[i]];
                    a = i;
                }
            }
            if (a < 0 || top < threshold)
            {
                break;
            }
            var b = best[a];
            var (keep, drop) = a < b ? (a, b) : (b, a);
            for (var k = 0; k < n; k++)
            {
                if (active[k] && k != keep && k != drop)
                {
                    var merged = (size[keep] * sim[keep, k] + size[drop] * sim[drop, k]) / (size[keep] + size[drop]);
                    sim[keep, k] = merged;
                    sim[k, keep] = merged;
                }
            }
            size[keep] += size[drop];
            active[drop] = false;
            parent[drop] = keep;
            for (var k = 0; k < n; k++)
            {
                if (!active[k])
                {
                    continue;
                }
                if (k == keep || best[k] == keep || best[k] == drop)
                {
                    best[k] = BestPartner(k);
                }
                else if (best[k] >= 0 && (sim[k, keep] > sim[k, best[k]] || (sim[k, keep] == sim[k, best[k]] && keep < best[k])))
                {
                    best[k] = keep;
                }
            }
        }

        var labels = new int[n];
        var names = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }
            if (!names.TryGetValue(root, out var label))
            {
                label = names.Count;
                names[root] = label;
            }
            labels[i] = label;
        }
        return labels;

        int BestPartner(int i)
        {
            var partner = -1;
            var value = float.NegativeInfinity;
            for (var k = 0; k < n; k++)
            {
                if (k != i && active[k] && sim[i, k] > value)
                {
                    value = sim[i, k];
                    partner = k;
                }
            }
            return partner;
        }
    }
}
