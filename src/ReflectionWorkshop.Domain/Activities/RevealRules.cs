namespace ReflectionWorkshop.Domain.Activities;

/// <summary>How a <see cref="RevealRule"/> is written in an activity file: <c>reveal: manual | live | on-lock</c>.</summary>
public static class RevealRules
{
    private static readonly (RevealRule Rule, string Name)[] All =
        [(RevealRule.Manual, "manual"), (RevealRule.Live, "live"), (RevealRule.OnLock, "on-lock")];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(r => r.Name)];

    public static string Name(RevealRule rule) => All.Single(r => r.Rule == rule).Name;

    public static RevealRule? Parse(string? value)
    {
        var trimmed = value?.Trim();
        foreach (var (rule, name) in All)
        {
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        return null;
    }
}
