using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Web.ActivityAuthoring;

/// <summary>What the editor's preview of one step needs: the prompt as a phone would get it, and where it sits.</summary>
/// <param name="Titles">Every step's title, to name the steps a vote or context takes its themes from.</param>
public sealed record PhonePreview(string ActivityTitle, Prompt Prompt, int Step, IReadOnlyList<string> Titles)
{
    public static PhonePreview Of(Activity activity, int step) =>
        new(activity.Title, activity.Prompts[step], step, activity.Prompts.Select(p => p.Title).ToList());

    /// <summary>The title of a referenced step, or null when the reference points nowhere.</summary>
    public string? TitleOf(int? step) => step is { } s && s >= 0 && s < Titles.Count ? Titles[s] : null;
}
