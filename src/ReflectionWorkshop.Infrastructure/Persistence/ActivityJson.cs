using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Caching;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// Activities are stored whole, as JSON: a session's snapshot must read back exactly as it ran,
/// whatever later happens to the catalogue.
/// </summary>
public static class ActivityJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    /// <summary>
    /// Every read of a session reads its activity back; in a room that is every answer and every page, and the same few
    /// snapshots each time. Activities are immutable, so the ones read lately are shared rather than parsed again.
    /// </summary>
    private static readonly RecentResults<string, Activity> Recent = new(Parse, capacity: 128, json => json.Length <= 256 * 1024);

    public static Activity Deserialize(string json) => Recent.Get(json);

    private static Activity Parse(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("An activity snapshot is empty.");

    public static ValueConverter<Activity, string> Converter { get; } = new(a => Serialize(a), s => Deserialize(s));

    /// <summary>Activities are immutable records, so comparing their JSON is a faithful equality.</summary>
    public static ValueComparer<Activity> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && Serialize(a) == Serialize(b)),
        a => Serialize(a).GetHashCode(StringComparison.Ordinal),
        a => a);
}
