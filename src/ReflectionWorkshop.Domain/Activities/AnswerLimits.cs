namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// The documented size limits (docs/activity-format.md). The database columns take their
/// lengths from here, so a limit changes in one place.
/// </summary>
public static class AnswerLimits
{
    public const int TextMaxLength = 2000;
    public const int ItemMaxLength = 500;
    public const int ListMaxItems = 10;
    public const int ScaleMaxPoints = 10;
    public const int MaxOptions = 12;
    public const int MaxDots = 10;
    public const int ThemeNameMaxLength = 80;

    /// <summary>A vote offers at most this many themes (the largest ones), so a phone's ballot stays readable.</summary>
    public const int BallotMaxThemes = 20;

    /// <summary>A theme board holds at most this many themes (drafts aside).</summary>
    public const int BoardMaxThemes = 100;
    public const int DisplayNameMaxLength = 40;
}
