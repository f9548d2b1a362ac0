using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>The "done when" of the foundation: a whole Two-team compare, three phones, one changed answer.</summary>
public sealed class WholeWorkshopTests
{
    [Fact]
    public async Task Three_phones_run_two_team_compare_and_the_summary_shows_every_answer_exactly_once()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phones = new[] { app.NewVisitor(), app.NewVisitor(), app.NewVisitor() };
        Assert.Equal(session.PhoneUrl, (await phones[0].JoinWithLinkAsync(session.Code)).Url);
        Assert.Equal(session.PhoneUrl, (await phones[1].JoinWithCodeAsync(session.Code)).Url);
        Assert.Equal(session.PhoneUrl, (await phones[2].JoinWithCodeAsync(session.Code.ToLowerInvariant())).Url);
        Assert.Contains("3 joined", (await facilitator.GetAsync(session.RunUrl)).Text);

        await facilitator.StartAsync(session);
        for (var i = 0; i < phones.Length; i++)
        {
            var saved = await phones[i].AnswerAsync(session, ("Input.Left", $"Went well {i}"), ("Input.Right", $"Did not work {i}"));
            Assert.NotNull(saved.Document.QuerySelector(".saved-badge"));
        }

        // Phone 2 thinks again before the room moves on.
        await phones[1].AnswerAsync(session, ("Input.Left", "Went well 1, on reflection"), ("Input.Right", "Did not work 1"));

        await facilitator.NextAsync(session);
        for (var i = 0; i < phones.Length; i++)
        {
            await phones[i].AnswerAsync(session, ("Input.Text", $"Difference {i}"));
        }

        Assert.Contains("Answers: 3 of 3", (await facilitator.GetAsync(session.RunUrl)).Text);
        var summary = await facilitator.CloseAndReadSummaryAsync(session);

        Assert.Equal(session.SummaryUrl, summary.Url);
        var entries = summary.Document.QuerySelectorAll(".summary-step li").Select(li => li.TextContent.Trim()).ToList();
        string[] expected =
        [
            "Went well 0", "Went well 1, on reflection", "Went well 2",
            "Did not work 0", "Did not work 1", "Did not work 2",
            "Difference 0", "Difference 1", "Difference 2",
        ];
        Assert.Equal(expected.Order(), entries.Order());
        Assert.DoesNotContain("Went well 1", entries);
        Assert.Contains("3 participants", summary.Text);
        Assert.Equal(2, summary.Document.QuerySelectorAll("section.summary-step").Length);
        Assert.Empty(summary.Document.QuerySelectorAll(".summary-step .summary-step"));
        Assert.Contains("Facilitated by Fran Facilitator", summary.Document.QuerySelector(".summary-header")!.TextContent);
        Assert.DoesNotContain("Still open", summary.Text);
    }

    [Fact]
    public async Task The_summary_counts_ratings_and_choices()
    {
        using var app = TestActivities.FactoryWithEveryKind();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phones = new[] { app.NewVisitor(), app.NewVisitor() };
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await facilitator.StartAsync(session);
        for (var i = 0; i < 3; i++)
        {
            await facilitator.NextAsync(session);
        }

        await phones[0].AnswerAsync(session, ("Input.Ratings[0]", "3"), ("Input.Ratings[1]", "1"));
        await phones[1].AnswerAsync(session, ("Input.Ratings[0]", "2"), ("Input.Ratings[1]", "1"));
        await facilitator.NextAsync(session);
        await phones[0].AnswerAsync(session, ("Input.Choices", "0"));
        await phones[1].AnswerAsync(session, ("Input.Choices", "0"));

        var summary = await facilitator.CloseAndReadSummaryAsync(session);

        var rows = summary.Document.QuerySelectorAll(".summary-step table tbody tr")
            .Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim())))
            .ToList();
        Assert.Contains("Benevolence|0|1|1|2.5", rows);
        Assert.Contains("Reliability|2|0|0|1.0", rows);
        Assert.Contains("Weekly|2", rows);
        Assert.Contains("Monthly|0", rows);
    }
}
