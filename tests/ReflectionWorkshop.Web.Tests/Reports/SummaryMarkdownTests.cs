using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Reports;

namespace ReflectionWorkshop.Web.Tests.Reports;

public sealed class SummaryMarkdownTests
{
    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Reports", "golden-summary.md");

    [Fact]
    public void The_summary_of_a_fixed_session_reads_exactly_as_the_golden_file()
    {
        var markdown = SummaryMarkdown.Document(FixedSession.Build());

        // A deliberate change: read the written .actual.md, and if it is right, copy it over
        // tests/ReflectionWorkshop.Web.Tests/Reports/golden-summary.md.
        var golden = File.Exists(GoldenPath) ? File.ReadAllText(GoldenPath).ReplaceLineEndings("\n") : "";
        if (golden != markdown.ReplaceLineEndings("\n"))
        {
            File.WriteAllText(Path.ChangeExtension(GoldenPath, ".actual.md"), markdown);
        }

        Assert.Equal(golden, markdown.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_named_session_quotes_with_names_and_an_anonymous_one_never_does()
    {
        var named = SummaryMarkdown.Document(FixedSession.Build(Anonymity.Named));
        var anonymous = SummaryMarkdown.Document(FixedSession.Build());

        Assert.Contains("Total trust — Ben", named);
        Assert.DoesNotContain("Ben", anonymous);
        Assert.DoesNotContain("Ana", anonymous);
    }

    [Theory]
    [InlineData("*bold* _it_", @"\*bold\* \_it\_")]
    [InlineData("<script>alert(1)</script>", @"\<script\>alert(1)\</script\>")]
    [InlineData("# heading", @"\# heading")]
    [InlineData("- item", @"\- item")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("a | b", @"a \| b")]
    [InlineData("[link](javascript:x)", @"\[link\](javascript\:x)")]
    [InlineData("1.5 hours", "1.5 hours")]
    [InlineData("=SUM(A1)", "=SUM(A1)")]
    [InlineData("-5 points", "-5 points")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("see http://evil.test/x", @"see http\://evil.test/x")]
    [InlineData("<javascript:alert(1)>", @"\<javascript\:alert(1)\>")]
    [InlineData("WWW.evil.test or mailto:a@evil.test", @"WWW\.evil.test or mailto\:a@evil.test")]
    [InlineData("Note: at 10:30, not www", "Note: at 10:30, not www")]
    public void Typed_text_stays_literal(string typed, string escaped)
    {
        Assert.Equal(escaped, SummaryMarkdown.Escape(typed));
    }
}
