using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Hosting;

/// <summary>Issue 22: the meters scraped as Prometheus would, moving when a phone answers; never shown to anyone else.</summary>
public sealed partial class MetricsTests
{
    private const string Token = "scrape-token-for-tests-0123456789";

    private static async Task<string> ScrapeAsync(WorkshopFactory app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await app.CreateDefaultClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of a Prometheus line starting with <paramref name="name"/> (summed over its labels), 0 when absent.</summary>
    private static double Value(string scrape, string name) =>
        scrape.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal) && (l[name.Length] == ' ' || l[name.Length] == '{'))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [Fact]
    public async Task The_scrape_shows_answers_saved_moving_after_a_phone_answers_and_the_write_queue()
    {
        using var app = new WorkshopFactory(new Dictionary<string, string?> { ["Metrics:Prometheus:Token"] = Token });
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync("three-actions");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        var before = await ScrapeAsync(app);

        await phone.AnswerAsync(session, ("Input.Items[0]", "Meet monthly"));
        var after = await ScrapeAsync(app);

        Assert.True(Value(after, "reflection_answers_saved_total") >= Value(before, "reflection_answers_saved_total") + 1, after);
        Assert.Contains("reflection_write_queue_commit_duration_milliseconds", after);
    }

    [Fact]
    public async Task Without_the_token_the_metrics_are_not_there()
    {
        using var app = new WorkshopFactory(new Dictionary<string, string?> { ["Metrics:Prometheus:Token"] = Token });
        using var off = new WorkshopFactory();
        var client = app.CreateDefaultClient();

        var anonymous = await client.GetAsync("/metrics");
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token[..^1]) } };
        var wrongToken = await client.SendAsync(wrong);
        var notConfigured = await off.CreateDefaultClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notConfigured.StatusCode);
        Assert.DoesNotContain("reflection_", await anonymous.Content.ReadAsStringAsync());
    }
}
