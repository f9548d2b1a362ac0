using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Infrastructure.Catalog;

/// <summary>
/// An activity offered in the facilitator's catalogue. Shipped activities are refreshed from
/// seed-content/ at every start; sessions copy <see cref="Definition"/>, so a later change here never
/// alters a session that already ran.
/// </summary>
public sealed class CatalogActivity
{
    private CatalogActivity()
    {
        Id = "";
        SourceFile = "";
        Definition = null!;
    }

    public CatalogActivity(Activity definition, string sourceFile, DateTimeOffset now)
    {
        Id = definition.Id;
        Definition = definition;
        SourceFile = sourceFile;
        LoadedAt = now;
    }

    public string Id { get; private set; }

    public Activity Definition { get; private set; }

    /// <summary>The file the activity was read from, relative to the content folder.</summary>
    public string SourceFile { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>Starts at 1 and goes up each time the file's content changes; a session records the version it ran.</summary>
    public int Version { get; private set; } = 1;

    public void Refresh(Activity definition, string sourceFile, DateTimeOffset now)
    {
        if (ActivityFileWriter.Write(definition) != ActivityFileWriter.Write(Definition))
        {
            Version++;
        }

        Definition = definition;
        SourceFile = sourceFile;
        LoadedAt = now;
    }
}
