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

internal sealed record ThemePrompt(string Id, string? Prompt, IReadOnlyList<ThemeItem> Items);

internal sealed record ThemeItem(string Text, string Theme, string? Language = null);
