using ReflectionWorkshop.Domain.Resources;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>A named, ordered sequence of prompts, as authored in an activity file.</summary>
public sealed partial record Activity
{
    /// <summary>Stable identifier: lowercase letters, digits and hyphens; the file name without ".md".</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Purpose { get; init; }

    public string Language { get; init; } = "en";

    /// <summary>A rough length in minutes, for the catalogue; null when the author gave none.</summary>
    public int? Minutes { get; init; }

    public required IReadOnlyList<Prompt> Prompts { get; init; }

    /// <summary>The prompt at a zero-based step index.</summary>
    public Prompt PromptAt(int step) =>
        step >= 0 && step < Prompts.Count
            ? Prompts[step]
            : throw new DomainException(DomainText.Format("Session.NoSuchStep", step + 1));
}
