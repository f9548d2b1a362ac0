using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Tests.Infrastructure;

/// <summary>The session snapshot column (ActivitySnapshot) keeps every language of the activity it ran (issue #6).</summary>
public sealed class ActivityJsonTests
{
    private static Activity Shipped(string id)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "seed-content", "activities", id + ".md");
        var result = ActivityFileParser.Parse(File.ReadAllText(path));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Activity!;
    }

    [Fact]
    public void A_snapshot_of_a_bilingual_activity_reads_back_in_both_languages()
    {
        var activity = Shipped("leadership-team-charter");

        var restored = ActivityJson.Deserialize(ActivityJson.Serialize(activity));

        Assert.Equal(ActivityJson.Serialize(activity), ActivityJson.Serialize(restored));
        Assert.Equal(["en", "es"], restored.Languages);
        Assert.Equal(activity.In("es").Prompts[1].Options, restored.In("es").Prompts[1].Options);
    }

    [Fact]
    public void A_snapshot_stored_before_translations_reads_back_in_its_one_language()
    {
        const string stored = """
            {"id":"old","title":"Old","purpose":"Stored before issue 6.","language":"en","minutes":10,
             "prompts":[{"kind":"list","title":"Name three","body":"","maxLength":2000,"minItems":1,"maxItems":3,"itemLabel":"Action",
                         "leftLabel":"","rightLabel":"","scale":[],"items":[],"options":[],"multiple":false,"anonymityFloor":3,
                         "themesFrom":null,"dots":3,"contextFrom":null,"contextTop":3,"takesAnswers":true,"canBeThemed":true}]}
            """;

        var restored = ActivityJson.Deserialize(stored);

        Assert.Empty(restored.Translations);
        Assert.Equal("Action", restored.In("es").Prompts[0].ItemLabel);
    }
}
