using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using ReflectionWorkshop.ScaleOut.Tests.Support;
using Xunit.Abstractions;

namespace ReflectionWorkshop.ScaleOut.Tests;

/// <summary>What a phone hears on the live channel (the fields these tests read).</summary>
public sealed record LiveState(string State, int Step);

/// <summary>
/// Two instances of the app on one PostgreSQL and one Redis, behind nginx (sticky by address, WebSockets passed
/// through): what a facilitator and the phones do must work whichever instance each of them reaches.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TwoInstancesBehindNginxTests(Cluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<Device> _devices = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }
    }

    [ScaleOutFact]
    public async Task A_facilitator_on_instance_A_sees_answers_submitted_through_instance_B_live()
    {
        var facilitator = await DeviceAsync(cluster.A, "facilitator");
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync();
        await facilitator.ControlAsync(session, "Start");
        var watcher = await facilitator.ConnectAsync();
        var changes = watcher.Collect<string>("changed");
        await watcher.InvokeAsync<LiveState>("Watch", session.Id);
        var phone = await DeviceAsync(cluster.B, "phone");
        await phone.JoinAsync(session);

        var form = await phone.AnswerFormAsync(session);
        var saved = await phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Left", "Listened closely"), ("Input.Right", "Rushed the agenda"));

        Assert.Equal(cluster.B.Upstream, form.Upstream);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("answers", await changes.WaitForAsync(c => c == "answers", "the facilitator on A hearing of the answer saved on B"));
        var run = await facilitator.GetAsync(session.RunUrl);
        Assert.Equal(cluster.A.Upstream, run.Upstream);
        Assert.Contains("Listened closely", run.Text);
    }

    [ScaleOutFact]
    public async Task Phones_on_instance_B_follow_the_steps_a_facilitator_moves_on_instance_A()
    {
        var facilitator = await DeviceAsync(cluster.A, "facilitator");
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync();
        var phones = new List<(Device Device, Inbox<LiveState> Moves)>();
        foreach (var instance in new[] { cluster.B, cluster.B, cluster.A })
        {
            var phone = await DeviceAsync(instance, "phone");
            await phone.JoinAsync(session);
            var connection = await phone.ConnectAsync();
            var moves = connection.Collect<LiveState>("state");
            Assert.Equal(new LiveState("Lobby", 0), await connection.InvokeAsync<LiveState>("Follow", session.Code));
            phones.Add((phone, moves));
        }

        await facilitator.ControlAsync(session, "Start");
        await facilitator.ControlAsync(session, "Next");

        foreach (var (phone, moves) in phones)
        {
            await moves.WaitForAsync(s => s is { State: "Running", Step: 1 }, $"{phone.Name} hearing step 2");
        }
    }

    [ScaleOutFact]
    public async Task A_form_rendered_by_instance_A_posts_fine_to_instance_B()
    {
        // One browser whose address changes between loading a form and sending it (the phone left the wifi).
        var cookies = new CookieContainer();
        var onA = await DeviceAsync(cluster.A, "laptop on A", cookies);
        var onB = await DeviceAsync(cluster.B, "laptop on B", cookies);

        var register = await onA.GetAsync("/account/register");
        var posted = await onB.PostAsync(
            register,
            "main form",
            ("Input.DisplayName", "Sam Switcher"),
            ("Input.Email", $"switcher-{Guid.NewGuid():N}@example.org"),
            ("Input.Password", Workshop.Password),
            ("Input.ConfirmPassword", Workshop.Password));

        Assert.Equal(cluster.A.Upstream, register.Upstream);
        Assert.Equal(cluster.B.Upstream, Device.LastUpstream(posted));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var spaces = await onA.GetAsync("/spaces");
        Assert.Equal(HttpStatusCode.OK, spaces.Status);
        Assert.StartsWith("/spaces", spaces.Url);
        var created = await onB.PostAsync(spaces, "form[action*='handler=Create']", ("Name", "Switchers"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // The participant cookie too: joined through A, answering through B.
        var session = await onA.OpenSessionAsync();
        await onA.ControlAsync(session, "Start");
        var phoneCookies = new CookieContainer();
        var phoneOnA = await DeviceAsync(cluster.A, "phone on A", phoneCookies);
        var phoneOnB = await DeviceAsync(cluster.B, "phone on B", phoneCookies);
        await phoneOnA.JoinAsync(session);
        var form = await phoneOnA.AnswerFormAsync(session);
        var answered = await phoneOnB.PostAsync(form, "form[data-answer-form]", ("Input.Left", "Calm"), ("Input.Right", "Hurried"));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(session.PhoneUrl, answered.Headers.Location?.OriginalString);
        Assert.Equal(1, await cluster.ScalarAsync("""select count(*) from "Responses" where "SessionId" = @id""", ("id", session.Id)));
    }

    [ScaleOutFact]
    public async Task Stopping_instance_B_mid_session_loses_no_acknowledged_answer_and_its_phones_carry_on_through_A()
    {
        const int Phones = 20;
        var facilitator = await DeviceAsync(cluster.A, "facilitator");
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync();
        await facilitator.ControlAsync(session, "Start");
        var phones = new List<(Device Device, Page Form, HubConnection Live)>();
        for (var i = 0; i < Phones; i++)
        {
            var phone = await DeviceAsync(cluster.B, $"phone {i + 1}");
            await phone.JoinAsync(session);
            var live = await phone.ConnectAsync();
            await live.InvokeAsync<LiveState>("Follow", session.Code);
            phones.Add((phone, await phone.AnswerFormAsync(session), live));
        }

        // Every phone sends its answer at once, as the room does when the facilitator says "send it now";
        // B gets SIGTERM as soon as it acknowledged the first one, while the others are on the way. A phone keeps its answer and sends it again (same key)
        // until it is acknowledged, as site.js does; an acknowledged answer must be in the database.
        var acknowledged = new ConcurrentDictionary<string, string>();
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var keys = phones.ToDictionary(p => p.Device.Name, _ => Guid.NewGuid().ToString("N"));
        var sending = phones.Select(p => Task.Run(async () =>
        {
            for (var attempt = 1; attempt <= 20; attempt++)
            {
                try
                {
                    using var response = await p.Device.PostAsync(p.Form, "form[data-answer-form]", ("Input.Key", keys[p.Device.Name]), ("Input.Left", $"Left from {p.Device.Name}"), ("Input.Right", "Right"));
                    if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == session.PhoneUrl)
                    {
                        acknowledged[p.Device.Name] = Device.LastUpstream(response) + (attempt > 1 ? $" (attempt {attempt})" : "");
                        firstAcknowledged.TrySetResult();
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // The network or the instance went away mid-request: not acknowledged, so send again.
                }

                await Task.Delay(250);
            }
        })).ToList();
        await firstAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopped = await cluster.B.StopAsync(TimeSpan.FromSeconds(40));
        await Task.WhenAll(sending).WaitAsync(TimeSpan.FromSeconds(60));

        try
        {
            output.WriteLine($"B stopped in {stopped.TotalSeconds:0.0} s with exit code {cluster.B.ExitCode}.");
            foreach (var (phone, upstream) in acknowledged.OrderBy(a => a.Key))
            {
                output.WriteLine($"{phone}: acknowledged by {(upstream.StartsWith(cluster.A.Upstream, StringComparison.Ordinal) ? "A" : "B")} {upstream}");
            }

            Assert.Equal(0, cluster.B.ExitCode);
            Assert.Equal(Phones, acknowledged.Count);
            foreach (var key in keys.Values)
            {
                Assert.Equal(1, await cluster.ScalarAsync("""select count(*) from "Responses" where "SessionId" = @id and "SubmissionKey" = @key""", ("id", session.Id), ("key", key)));
            }

            // B's phones lost their live connection; they reconnect through nginx, which now sends them to A.
            var moves = new List<(string Phone, Inbox<LiveState> Inbox)>();
            foreach (var (phone, _, live) in phones)
            {
                await Wait.UntilAsync(() => Task.FromResult(live.State == HubConnectionState.Disconnected), TimeSpan.FromSeconds(15), $"{phone.Name}'s connection to B to close");
                var again = await phone.ConnectAsync();
                moves.Add((phone.Name, again.Collect<LiveState>("state")));
                Assert.Equal(new LiveState("Running", 0), await again.InvokeAsync<LiveState>("Follow", session.Code));
                Assert.Equal(cluster.A.Upstream, await phone.UpstreamAsync());
            }

            await facilitator.ControlAsync(session, "Next");
            foreach (var (phone, inbox) in moves)
            {
                await inbox.WaitForAsync(s => s is { State: "Running", Step: 1 }, $"{phone} hearing step 2 through A");
            }
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
        finally
        {
            await cluster.RestartBAsync();
        }
    }

    private async Task<Device> DeviceAsync(AppInstance instance, string name, CookieContainer? cookies = null)
    {
        var device = await cluster.DeviceOnAsync(instance, name, cookies);
        _devices.Add(device);
        return device;
    }
}
