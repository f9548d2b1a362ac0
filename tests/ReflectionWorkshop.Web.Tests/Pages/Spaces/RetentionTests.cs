using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Spaces;

/// <summary>
/// A space chooses how long closed sessions are kept (issue 22): its page warns a week ahead, and the background
/// sweep deletes an expired session with everything in it, logging counts and never content.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();
    private readonly Visitor _facilitator;

    public RetentionTests() => _facilitator = _app.NewVisitor();

    [Fact]
    public async Task A_space_keeps_closed_sessions_30_days_warns_a_week_ahead_and_then_deletes_them_with_their_answers()
    {
        await _facilitator.SignUpAsync(spaceName: "Maple team");
        var spaceId = await _facilitator.CurrentSpaceIdAsync();
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phones = new[] { _app.NewVisitor(), _app.NewVisitor() };
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await _facilitator.StartAsync(session);
        await phones[0].AnswerAsync(session, ("Input.Text", "A secret answer"));
        await phones[1].AnswerAsync(session, ("Input.Text", "Another one"));
        var kept = await _facilitator.OpenSessionAsync("two-team-compare");
        await _facilitator.CloseAsync(session);
        await _facilitator.StartAsync(kept);
        await _facilitator.CloseAsync(kept);

        var details = await _facilitator.GetAsync($"/spaces/{spaceId}");
        var saved = await _facilitator.SubmitAsync(details, "form[action*='handler=Keep']", ("days", "30"));
        Assert.Contains("30 days after they close", saved.Text);

        // 25 days after closing: five days left, so the space's page says so; nothing is deleted yet.
        var sessionId = Guid.Parse(session.RunUrl.Split('/').Last());
        await ClosedDaysAgoAsync(sessionId, 25);
        var warned = await _facilitator.GetAsync($"/spaces/{spaceId}");
        Assert.Contains("1 closed session(s) will be deleted within a week", warned.Text);
        Assert.Equal(0, await SweepAsync());

        // 31 days: the sweep deletes it with its participants and answers; the other closed session stays.
        await ClosedDaysAgoAsync(sessionId, 31);
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await _app.QueryAsync(db => db.Responses.CountAsync(r => r.SessionId == sessionId)));
        Assert.Equal(0, await _app.QueryAsync(db => db.Participants.CountAsync(p => p.SessionId == sessionId)));
        Assert.Equal(HttpStatusCode.NotFound, (await _facilitator.Client.GetAsync(session.RunUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _facilitator.Client.GetAsync(kept.RunUrl)).StatusCode);
        var line = Assert.Single(_app.Logs, l => l.StartsWith("Information: Retention: deleted", StringComparison.Ordinal));
        Assert.Contains("1 closed session(s)", line);
        Assert.Contains("2 answer(s)", line);
        Assert.Contains("2 participant(s)", line);
        Assert.DoesNotContain("secret", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Only_the_offered_periods_are_accepted_and_forever_stays_the_default()
    {
        await _facilitator.SignUpAsync(spaceName: "Oak team");
        var spaceId = await _facilitator.CurrentSpaceIdAsync();

        var details = await _facilitator.GetAsync($"/spaces/{spaceId}");
        Assert.Equal("Never: keep until someone deletes it", details.Document.QuerySelector("#keep-days option[selected]")!.TextContent);
        var refused = await _facilitator.SubmitAsync(details, "form[action*='handler=Keep']", ("days", "7"));

        Assert.Contains("can be kept for 30, 90, 365 days", refused.Text);
        Assert.Null(await _app.QueryAsync(db => db.Spaces.Where(s => s.Id == spaceId).Select(s => s.KeepClosedDays).SingleAsync()));
    }

    public void Dispose() => _app.Dispose();

    private Task<int> SweepAsync()
    {
        var scope = _app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Retention>().SweepAsync(CancellationToken.None);
    }

    /// <summary>Moves a session's closing back in time, as the stored value (SQLite keeps it as a binary number).</summary>
    private Task<int> ClosedDaysAgoAsync(Guid sessionId, int days)
    {
        var closedAt = DateTimeOffset.UtcNow - TimeSpan.FromDays(days);
        var stored = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(closedAt)!;
        return _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Sessions SET ClosedAt = {stored} WHERE Id = {sessionId}"));
    }
}
