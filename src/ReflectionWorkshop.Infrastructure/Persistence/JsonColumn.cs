using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// A value stored whole as JSON in one column (a theme board's themes, a session's ballots). The
/// domain replaces such values rather than mutating them, and they are compared by their JSON, so
/// EF Core sees every change.
/// </summary>
public static class JsonColumn<T>
    where T : class
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is empty.");

    public static ValueConverter<T, string> Converter { get; } = new(v => Serialize(v), s => Deserialize(s));

    public static ValueComparer<T> Comparer { get; } = new(
        (a, b) => ReferenceEquals(a, b) || (a != null && b != null && Serialize(a) == Serialize(b)),
        v => Serialize(v).GetHashCode(StringComparison.Ordinal),
        v => v);
}
