using ReflectionWorkshop.Infrastructure.Caching;
using ReflectionWorkshop.Infrastructure.Markdown;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Tests.Infrastructure;

/// <summary>The small memo the hot paths use: the same input is worked out once, and it never holds more than it may.</summary>
public sealed class RecentResultsTests
{
    [Fact]
    public void An_input_seen_lately_is_not_worked_out_again_and_the_memo_starts_over_when_full()
    {
        var computed = new List<string>();
        var recent = new RecentResults<string, string>(input => { computed.Add(input); return input.ToUpperInvariant(); }, capacity: 2, input => input.Length <= 5);

        Assert.Equal("AB", recent.Get("ab"));
        Assert.Equal("AB", recent.Get("ab"));
        Assert.Equal("CD", recent.Get("cd"));
        Assert.Equal(["ab", "cd"], computed);

        // Full: the third input starts it over, so "ab" is worked out again once, then remembered.
        Assert.Equal("EF", recent.Get("ef"));
        Assert.Equal("AB", recent.Get("ab"));
        Assert.Equal("AB", recent.Get("ab"));
        Assert.Equal(["ab", "cd", "ef", "ab"], computed);

        // Too long to keep: worked out every time.
        recent.Get("longer");
        recent.Get("longer");
        Assert.Equal(2, computed.Count(c => c == "longer"));
    }

    [Fact]
    public void A_remembered_activity_and_markdown_read_back_the_same_as_fresh_ones()
    {
        var activity = Domain.Activities.ActivityFileParser.Parse(ReflectionWorkshop.Web.Tests.Reports.FixedSession.Activity).Activity!;
        var json = ActivityJson.Serialize(activity);
        var first = ActivityJson.Deserialize(json);
        var again = ActivityJson.Deserialize(json);
        Assert.Same(first, again);
        Assert.Equal(json, ActivityJson.Serialize(again));

        Assert.Equal("<p><strong>Hi</strong> <a href=\"\">x</a></p>\n", MarkdownRenderer.ToHtml("**Hi** [x](javascript:alert(1))"));
        Assert.Equal(MarkdownRenderer.ToHtml("**Hi** [x](javascript:alert(1))"), MarkdownRenderer.ToHtml("**Hi** [x](javascript:alert(1))"));
    }
}
