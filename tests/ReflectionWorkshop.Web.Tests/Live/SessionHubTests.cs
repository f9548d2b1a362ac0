using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Live;

/// <summary>The live channel over a real Kestrel server and the .NET SignalR client.</summary>
public sealed class SessionHubTests(SharedWorkshop shared) : KestrelHubTests(shared), IClassFixture<SharedWorkshop>
{
    [Fact]
    public async Task A_step_change_reaches_the_phones_that_follow_the_session()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var connection = await ConnectAsync(phone);
        var moves = Collect<LiveState>(connection, "state");

        var initial = await connection.InvokeAsync<LiveState>("Follow", session.Code);
        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);

        Assert.Equal(new LiveState("Lobby", 0), initial);
        Assert.Equal(new LiveState("Running", 1), await moves.WaitForAsync(s => s.Step == 1));
    }

    [Fact]
    public async Task An_answer_reaches_the_facilitators_page_as_a_change_signal_and_never_reaches_phones()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var other = await JoinAsync(session);
        await facilitator.StartAsync(session);
        var watcher = await ConnectAsync(facilitator);
        var changes = Collect<string>(watcher, "changed");
        var otherPhone = await ConnectAsync(other);
        var leaked = Collect<string>(otherPhone, "changed");
        await watcher.InvokeAsync<LiveState>("Watch", SessionId(session));
        await otherPhone.InvokeAsync<LiveState>("Follow", session.Code);

        await phone.AnswerAsync(session, ("Input.Left", "Listened"), ("Input.Right", "Rushed"));

        Assert.Equal("answers", await changes.WaitForAsync(c => c == "answers"));
        Assert.Empty(leaked.Received);
    }

    [Fact]
    public async Task A_phone_cannot_watch_a_session_as_a_facilitator()
    {
        var (_, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var connection = await ConnectAsync(phone);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Watch", SessionId(session)));

        Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_phone_cannot_follow_a_session_it_did_not_join()
    {
        var (facilitator, session) = await OpenAsync();
        var elsewhere = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = await JoinAsync(elsewhere);
        var connection = await ConnectAsync(phone);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Follow", session.Code));

        Assert.Contains("Join the session first", refused.Message);
    }

    [Fact]
    public async Task A_facilitator_of_another_space_cannot_watch_the_session()
    {
        var (_, session) = await OpenAsync();
        var stranger = NewVisitor();
        await stranger.SignUpAsync(spaceName: "Another district");
        var connection = await ConnectAsync(stranger);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Watch", SessionId(session)));

        Assert.Contains("not found", refused.Message);
    }

    [Fact]
    public async Task A_phone_that_reconnects_reads_where_the_room_is_now()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var first = await ConnectAsync(phone);
        await first.InvokeAsync<LiveState>("Follow", session.Code);
        await first.StopAsync();

        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);
        var again = await ConnectAsync(phone);

        Assert.Equal(new LiveState("Running", 1), await again.InvokeAsync<LiveState>("Follow", session.Code));
    }

    private async Task<(Visitor Facilitator, RunningSession Session)> OpenAsync()
    {
        var facilitator = NewVisitor();
        return (facilitator, await facilitator.OpenSessionAsync("two-team-compare"));
    }

    private async Task<Visitor> JoinAsync(RunningSession session)
    {
        var phone = NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        return phone;
    }

    private static Guid SessionId(RunningSession session) => Guid.Parse(session.RunUrl.Split('/').Last());
}
