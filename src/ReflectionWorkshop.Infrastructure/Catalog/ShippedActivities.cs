using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Infrastructure.Catalog;

/// <summary>An activity file that could not be loaded, with every problem found in it.</summary>
public sealed record RefusedActivityFile(string File, IReadOnlyList<ActivityProblem> Problems);

/// <summary>What the last read of the activity folder found; the catalogue page shows the refused files.</summary>
public sealed record ShippedActivitiesReport(string Folder, IReadOnlyList<(Activity Activity, string File)> Loaded, IReadOnlyList<RefusedActivityFile> Refused);

/// <summary>
/// Reads the shipped activity files and makes the catalogue in the database match them. A bad file
/// never stops the app and never half-loads: it is reported, logged with its line, and left out.
/// </summary>
public static class ShippedActivities
{
    public static ShippedActivitiesReport Read(string folder)
    {
        var loaded = new List<(Activity, string)>();
        var refused = new List<RefusedActivityFile>();
        if (!Directory.Exists(folder))
        {
            refused.Add(new(folder, [new(0, "The activity folder does not exist; set Activities:Folder to the folder that holds the .md files.")]));
            return new(folder, loaded, refused);
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var result = ActivityFileParser.Parse(File.ReadAllText(path));
            if (result.Activity is not { } activity)
            {
                refused.Add(new(file, result.Problems));
                continue;
            }

            var expectedFile = activity.Id + ".md";
            if (file != expectedFile)
            {
                refused.Add(new(file, [new(2, $"The id '{activity.Id}' does not match the file name; rename the file to '{expectedFile}' or change the id.")]));
            }
            else if (!seen.TryAdd(activity.Id, file))
            {
                refused.Add(new(file, [new(2, $"The id '{activity.Id}' is already used by {seen[activity.Id]}.")]));
            }
            else
            {
                loaded.Add((activity, file));
            }
        }

        return new(folder, loaded, refused);
    }

    /// <summary>Adds, refreshes and removes catalogue rows so they match the files that loaded.</summary>
    public static async Task SyncAsync(AppDbContext db, ShippedActivitiesReport report, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken = default)
    {
        foreach (var bad in report.Refused)
        {
            logger.LogError(
                "Activity file {File} was refused and is not in the catalogue: {Problems}",
                bad.File,
                string.Join("; ", bad.Problems));
        }

        var existing = await db.Activities.ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var (activity, file) in report.Loaded)
        {
            if (existing.Remove(activity.Id, out var row))
            {
                if (ActivityJson.Serialize(row.Definition) != ActivityJson.Serialize(activity) || row.SourceFile != file)
                {
                    row.Refresh(activity, file, now);
                }
            }
            else
            {
                db.Activities.Add(new CatalogActivity(activity, file, now));
            }
        }

        // Sessions keep their own snapshot, so dropping an activity whose file is gone rewrites nothing.
        db.Activities.RemoveRange(existing.Values);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Activity catalogue: {Loaded} loaded, {Refused} refused, from {Folder}", report.Loaded.Count, report.Refused.Count, report.Folder);
    }
}
