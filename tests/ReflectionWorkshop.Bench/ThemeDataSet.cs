using System.Text.Json;

namespace ReflectionWorkshop.Bench;

/// <summary>
/// A file of prompts whose answers were grouped by hand (the format of shared/data/themes-dev.json). Language is the
/// room's language given to the suggester ("en" when absent); an item's Language, where present, is the language it is
/// written in, by hand (the mixed set has it, to check the suggester's per-answer guess).
/// </summary>
internal sealed record ThemeDataSet(string? Name, string? Language, IReadOnlyList<ThemePrompt> Prompts)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static ThemeDataSet Read(string path) =>
        JsonSerializer.Deserialize<ThemeDataSet>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path}: not a theme data set");
}

/// <param name="Themes">The hand-made themes: id (what items name) and the label a facilitator typed; may be absent.</param>
internal sealed record ThemePrompt(string Id, string? Prompt, IReadOnlyList<ThemeItem> Items, IReadOnlyList<ThemeLabel>? Themes = null)
{
    /// <summary>The label of a theme id, or the id itself when the file has no label for it.</summary>
    public string Label(string themeId) => Themes?.FirstOrDefault(t => t.Id == themeId)?.Label ?? themeId;

    /// <summary>The theme ids in the file's order: the themes array first, then any id only items name.</summary>
    public IReadOnlyList<string> ThemeIds() =>
        (Themes ?? []).Select(t => t.Id).Concat(Items.Select(i => i.Theme)).Distinct(StringComparer.Ordinal).ToList();
}

internal sealed record ThemeLabel(string Id, string? Label);

internal sealed record ThemeItem(string Text, string Theme, string? Language = null);
