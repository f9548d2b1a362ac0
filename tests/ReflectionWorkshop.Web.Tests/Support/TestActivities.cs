namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>Activity files written for tests, in the shipped format.</summary>
public static class TestActivities
{
    /// <summary>One step of every kind, in a known order (steps 1–6).</summary>
    public const string EveryKind = """
        ---
        id: every-kind
        title: Every kind
        purpose: One step of each kind, for tests.
        ---

        ## text: What did you learn?
        max-length: 50

        ## list: Name the characteristics
        min: 2
        max: 4
        item-label: Characteristic

        ## compare: Two teams
        left: Went very well
        right: Did not work

        ## rating: How much trust is there?
        scale: Low | Medium | High
        item: Benevolence
        item: Reliability
        anonymity-floor: 1

        ## choice: How often should we meet?
        option: Weekly
        option: Monthly
        option: Termly

        ## info: Read the article together

        Take five minutes to read.
        """;

    public static WorkshopFactory FactoryWithEveryKind() => new(("every-kind.md", EveryKind));
}
