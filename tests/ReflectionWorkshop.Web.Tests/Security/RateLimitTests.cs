using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Joining_too_often_is_refused_with_a_page_that_says_to_wait_and_works_again_after_the_window()
    {
        using var app = new WorkshopFactory(new Dictionary<string, string?>
        {
            ["RateLimits:join:PermitsPerWindow"] = "3",
            ["RateLimits:join:WindowSeconds"] = "2",
        });
        var phone = app.NewVisitor();
        var join = await phone.GetAsync("/join");
        await phone.GetAsync("/join");

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await phone.PostAsync(join, "main form", ("Code", "ZZZZZZ"))).StatusCode);
        }

        var refused = await phone.PostAsync(join, "main form", ("Code", "ZZZZZZ"));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var reading = await phone.Client.GetAsync("/join");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var again = await phone.PostAsync(join, "main form", ("Code", "ZZZZZZ"));

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("<h1>Too many tries</h1>", refusedPage);
        Assert.True(refused.Headers.RetryAfter is not null, "A refusal says when to retry.");
        Assert.Contains("frame-ancestors 'none'", string.Join(" ", refused.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("No session has the code ZZZZZZ", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_phone_cannot_escape_its_answer_limit_with_made_up_participant_cookies()
    {
        using var app = new WorkshopFactory(new Dictionary<string, string?>
        {
            ["RateLimits:answer:PermitsPerWindow"] = "3",
        });
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync("three-actions");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        var page = await phone.GetAsync(session.PhoneUrl);
        var (target, values) = Visitor.FormValues(page, "form[data-answer-form]", [("Input.Items[0]", "Meet monthly")]);
        var real = phone.Cookies.GetCookieHeader(new Uri("http://localhost"));

        // Issue 18: the limit took the first rw-p-* cookie as the phone, so a new made-up one before the real one
        // with every post let one phone save 400 answers in 1.8 s. Each post here comes with its own.
        var client = app.CreateDefaultClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values) };
            request.Headers.Add("Cookie", $"rw-p-ZZZZ{i:D2}={Guid.NewGuid():N}; {real}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
