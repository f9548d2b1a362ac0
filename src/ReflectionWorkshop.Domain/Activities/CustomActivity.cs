namespace ReflectionWorkshop.Domain.Activities;

/// <summary>An activity that does not hold: the message is for logs, <see cref="Problems"/> for the person.</summary>
public sealed class InvalidActivityException(IReadOnlyList<ActivityProblem> problems)
    : DomainException(string.Join(" ", problems.Select(p => p.ToString())))
{
    public IReadOnlyList<ActivityProblem> Problems { get; } = problems;
}

/// <summary>
/// An activity a space wrote or adapted in the app. It belongs to its space; shipped activities are
/// never edited (a facilitator duplicates one to change it).
/// <para>
/// Versions (docs/decisions/ADR-012): <see cref="Version"/> is the number of the content being edited.
/// It becomes fixed the first time a session runs it (<see cref="Use"/>); the next change after that
/// starts a new number. So every version that ever ran is kept whole, and edits between two runs
/// do not pile up versions nobody used.
/// </para>
/// </summary>
public sealed class CustomActivity
{
    private CustomActivity()
    {
        Slug = "";
        Definition = null!;
        UpdatedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid SpaceId { get; private set; }

    /// <summary>The activity's id in its file (<c>Definition.Id</c>), unique in the space and never a shipped activity's id.</summary>
    public string Slug { get; private set; }

    public Activity Definition { get; private set; }

    /// <summary>The version the current content is; starts at 1.</summary>
    public int Version { get; private set; }

    /// <summary>Whether a session has run <see cref="Version"/>, so the next change must start a new one.</summary>
    public bool VersionUsed { get; private set; }

    /// <summary>The shipped activity this one was duplicated from, if any.</summary>
    public string? BasedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The account id of whoever saved it last.</summary>
    public string UpdatedBy { get; private set; }

    /// <summary>Creates a space's activity; its id in files becomes <paramref name="slug"/>.</summary>
    public static CustomActivity Create(Guid spaceId, string slug, Activity definition, string userId, DateTimeOffset now, string? basedOn = null)
    {
        var activity = Check(definition with { Id = slug });
        return new CustomActivity
        {
            Id = Guid.NewGuid(),
            SpaceId = spaceId,
            Slug = slug,
            Definition = activity,
            Version = 1,
            BasedOn = basedOn,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = userId,
        };
    }

    /// <summary>Replaces the content; false when nothing changed. A version a session ran is never changed in place.</summary>
    public bool Edit(Activity definition, string userId, DateTimeOffset now)
    {
        var activity = Check(definition with { Id = Slug });
        if (ActivityFileWriter.Write(activity) == ActivityFileWriter.Write(Definition))
        {
            return false;
        }

        if (VersionUsed)
        {
            Version++;
            VersionUsed = false;
        }

        Definition = activity;
        UpdatedAt = now;
        UpdatedBy = userId;
        return true;
    }

    /// <summary>
    /// A session is about to run the current content: fixes it as <see cref="Version"/>. Returns the
    /// version to keep when this is its first run, null when it was kept already.
    /// </summary>
    public ActivityVersion? Use(DateTimeOffset now)
    {
        if (VersionUsed)
        {
            return null;
        }

        VersionUsed = true;
        return new ActivityVersion(Id, Version, Definition, now);
    }

    private static Activity Check(Activity activity)
    {
        var problems = ActivityRules.Validate(activity);
        return problems.Count > 0 ? throw new InvalidActivityException(problems) : activity;
    }
}

/// <summary>One version of a space's activity as a session first ran it; never changed afterwards.</summary>
public sealed class ActivityVersion
{
    private ActivityVersion()
    {
        Definition = null!;
    }

    public ActivityVersion(Guid activityId, int number, Activity definition, DateTimeOffset firstRunAt)
    {
        ActivityId = activityId;
        Number = number;
        Definition = definition;
        FirstRunAt = firstRunAt;
    }

    public Guid ActivityId { get; private set; }

    public int Number { get; private set; }

    public Activity Definition { get; private set; }

    public DateTimeOffset FirstRunAt { get; private set; }
}
