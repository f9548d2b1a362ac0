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
}
