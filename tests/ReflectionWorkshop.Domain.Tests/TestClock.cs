namespace ReflectionWorkshop.Domain.Tests;

/// <summary>A fixed point in time, so no test depends on the real clock.</summary>
internal static class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset MinutesLater(int minutes) => Now.AddMinutes(minutes);
}
