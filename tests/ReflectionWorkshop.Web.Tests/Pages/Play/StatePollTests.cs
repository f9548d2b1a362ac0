using System.Net;
using System.Text.Json;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>The small endpoints the pages poll to follow the room until live updates arrive.</summary>
public sealed class StatePollTests
{
    [Fact]
    public async Task The_phone_state_follows_the_facilitator()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);

        var lobby = await ReadAsync(phone, session.PhoneUrl + "?handler=State");
        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);
        var running = await ReadAsync(phone, session.PhoneUrl + "?handler=State");

        Assert.Equal(("Lobby", 0), (lobby.GetProperty("state").GetString(), lobby.GetProperty("step").GetInt32()));
        Assert.Equal(("Running", 1), (running.GetProperty("state").GetString(), running.GetProperty("step").GetInt32()));
    }

    [Fact]
    public async Task The_facilitator_state_counts_joins_and_answers()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        var before = await ReadAsync(facilitator, session.RunUrl + "?handler=State");

        await phone.AnswerAsync(session, ("Input.Left", "Yes"), ("Input.Right", "No"));
        var after = await ReadAsync(facilitator, session.RunUrl + "?handler=State");

        Assert.Equal(1, before.GetProperty("participants").GetInt32());
        Assert.Equal(0, before.GetProperty("answers").GetInt32());
        Assert.Equal(1, after.GetProperty("answers").GetInt32());
        Assert.True(after.GetProperty("latest").GetInt64() > 0);
    }

    [Fact]
    public async Task An_unknown_code_has_no_state()
    {
        using var app = new WorkshopFactory();
        var response = await app.NewVisitor().Client.GetAsync("/s/ZZZZZZ?handler=State");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<JsonElement> ReadAsync(Visitor visitor, string url)
    {
        var response = await visitor.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
