using System.Globalization;
using System.Text;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>File names for exports: the activity and the date, in plain ASCII so every system keeps them.</summary>
public static class ExportNames
{
    /// <summary>The name's ending for an export without answer times.</summary>
    public const string WithoutTimes = "without-times";

    /// <summary>"activity-2026-11-20-CODE.csv", or "activity-2026-11-20-CODE-without-times.csv" for a <paramref name="variant"/>.</summary>
    public static string For(Session session, string extension, string? variant = null)
    {
        var slug = new StringBuilder();
        foreach (var c in session.Activity.Title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var date = (session.StartedAt ?? session.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{slug.ToString().Trim('-')}-{date}-{session.JoinCode}{(variant is null ? "" : "-" + variant)}.{extension}";
    }
}
