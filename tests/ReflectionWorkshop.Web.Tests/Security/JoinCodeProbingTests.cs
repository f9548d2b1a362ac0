using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>Issue 18, item 9: codes cannot be found by trying many, and a room's state is told only to its phones.</summary>
public sealed class JoinCodeProbingTests
{
    [Fact]
    public async Task Once_an_address_has_tried_its_allowance_of_unknown_codes_every_code_is_refused_a_real_one_too()
    {
        using var app = new WorkshopFactory(new Dictionary<string, string?>
        {
            ["RateLimits:unknown-codes:PermitsPerWindow"] = "5",
        });
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync("three-actions");
        var prober = app.NewVisitor();

        // A real code while the allowance lasts is found; malformed codes cost nothing (no lookup is made).
        var found = await prober.GetAsync($"/j/{session.Code}");
        var malformed = await prober.GetAsync("/j/NOPE");
        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            unknown.Add((await prober.GetAsync($"/j/ZZZZZ{i + 2}")).Status);
        }

        var refusedUnknown = await prober.Client.GetAsync("/j/ZZZZZ9");
        var refusedReal = await prober.Client.GetAsync($"/j/{session.Code}");
        var join = await prober.GetAsync("/join");
        var refusedTyped = await prober.SubmitAsync(join, "main form", ("Code", session.Code));

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);
        Assert.All(unknown, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedReal.StatusCode);
        Assert.NotNull(refusedReal.Headers.RetryAfter);
        Assert.Contains("Too many codes that match no session were tried from this network", await refusedReal.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedTyped.Status);
        Assert.Contains("Too many codes that match no session", refusedTyped.Text);
    }

    [Fact]
    public async Task The_rooms_state_is_told_only_to_its_own_phones_and_a_stranger_cannot_tell_a_real_code()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync("three-actions");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        var stranger = app.NewVisitor();

        var own = await phone.Client.GetAsync($"/s/{session.Code}?handler=State");
        var real = await stranger.Client.GetAsync($"/s/{session.Code}?handler=State");
        var madeUp = await stranger.Client.GetAsync("/s/ZZZZZZ?handler=State");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("\"state\":\"Lobby\"", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, real.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        // Tokens and the CSP nonce differ per response whatever the code; everything else must be the same.
        static string WithoutTokens(string html) => System.Text.RegularExpressions.Regex.Replace(html, "(value|nonce)=\"[^\"]*\"", "");
        Assert.Equal(WithoutTokens(await madeUp.Content.ReadAsStringAsync()), WithoutTokens(await real.Content.ReadAsStringAsync()));
    }
}
