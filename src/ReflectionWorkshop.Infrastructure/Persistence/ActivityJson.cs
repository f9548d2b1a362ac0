using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReflectionWorkshop.Domain.Activities;

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

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("An activity snapshot is empty.");

    public static ValueConverter<Activity, string> Converter { get; } = new(a => Serialize(a), s => Deserialize(s));

    /// <summary>Activities are immutable records, so comparing their JSON is a faithful equality.</summary>
    public static ValueComparer<Activity> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && Serialize(a) == Serialize(b)),
        a => Serialize(a).GetHashCode(StringComparison.Ordinal),
        a => a);
}
