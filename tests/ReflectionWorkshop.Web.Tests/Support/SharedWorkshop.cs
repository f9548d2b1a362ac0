namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// One app (the shipped activities) for all the tests of a class, started once instead of once a test:
/// <c>class XTests(SharedWorkshop app) : IClassFixture&lt;SharedWorkshop&gt;</c>, and each test (or the
/// constructor) calls <see cref="WorkshopFactory.NextTest"/>. For tests that each sign up their own account and
/// space and look only at what they made; a test that counts everything in the database, changes the
/// activity folder, needs settings or a clock, or reads the startup log keeps a <c>new WorkshopFactory()</c>.
/// </summary>
public class SharedWorkshop : WorkshopFactory
{
    private readonly Lock _starting = new();
    private Uri? _kestrel;

    public SharedWorkshop()
    {
    }

    protected SharedWorkshop(params (string File, string Content)[] extraActivities)
        : base(extraActivities)
    {
    }

    /// <summary>The app served through real Kestrel (started by the first test that asks), for SignalR clients and raw HTTP.</summary>
    public Uri OnKestrel()
    {
        lock (_starting)
        {
            return _kestrel ??= StartOnKestrel();
        }
    }
}

/// <summary>A <see cref="SharedWorkshop"/> that also has <see cref="TestActivities.EveryKind"/>.</summary>
public sealed class EveryKindWorkshop() : SharedWorkshop(("every-kind.md", TestActivities.EveryKind));
