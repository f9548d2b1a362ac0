using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.ActivityAuthoring;

/// <summary>The id a space's activity carries in its file: readable, unique in the space, never a shipped activity's.</summary>
public static class ActivitySlugs
{
    private const int MaxLength = 60;

    public static string FromTitle(string title)
    {
        var folded = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // "Reflexión" → "reflexion"
            }

            folded.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        var parts = folded.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries);
        var slug = "";
        foreach (var part in parts)
        {
            var next = slug.Length == 0 ? part : slug + "-" + part;
            if (next.Length > MaxLength)
            {
                break;
            }

            slug = next;
        }

        return slug.Length > 0 ? slug : "activity";
    }

    /// <summary><paramref name="wanted"/>, or it with "-2", "-3"… when the space or the shipped catalogue already uses it.</summary>
    public static async Task<string> FreeAsync(AppDbContext db, Guid spaceId, string wanted, CancellationToken cancellationToken)
    {
        var taken = (await db.Activities.Select(a => a.Id).ToListAsync(cancellationToken))
            .Concat(await db.CustomActivities.Where(a => a.SpaceId == spaceId).Select(a => a.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{wanted}-{n}";
        }

        return slug;
    }
}
