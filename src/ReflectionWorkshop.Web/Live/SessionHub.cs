using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Diagnostics;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;

namespace ReflectionWorkshop.Web.Live;

/// <summary>
/// Where the room is: what a phone needs to know to show the right step, its timer, whether it is
/// locked, and how many votes have opened (a phone waiting on a vote re-reads its page when one opens).
/// A step-change signal also carries <see cref="View"/>, the room's view of the step in the phone's language
/// (<see cref="StepViews"/>): a phone that has not answered the step shows it without reading its page (ADR-016).
/// </summary>
public sealed record LiveState(string State, int Step, string? TimerEndsAt = null, bool Locked = false, int Ballots = 0, int Sorting = -1)
{
    /// <summary>The live part of the phone's page for a phone that has not answered the step; null: read the page.</summary>
    public string? View { get; init; }

    public static LiveState Of(Session session) => new(
        session.State.ToString(),
        session.CurrentStep,
        session.TimerEndsAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        session.AnswersLocked,
        session.Ballots.Count,
        session.SortingStep ?? -1);
}

/// <summary>
/// The live channel. It carries signals, never answers: a phone hears where the room is, a
/// facilitator's page hears that something changed and re-reads its own (authorized) page. So the hub
/// cannot leak what a page would not show. Joining a group is checked exactly like the pages check.
/// </summary>
public sealed class SessionHub(AppDbContext db, ParticipantCookie cookie, SpaceAccess access, IStringLocalizer<ParticipantText> text) : Hub
{
    public const string Path = "/hubs/session";

    /// <summary>A phone follows its session; only a participant of that session (by cookie) may.</summary>
    public Task<LiveState> Follow(string code) => QuietlyAsync(() => FollowAsync(code));

    private const string FollowingKey = "following";

    /// <summary>A phone that followed its session is one phone fewer once its connection ends.</summary>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.ContainsKey(FollowingKey))
        {
            WorkshopMetrics.PhonesConnected.Add(-1);
        }

        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>A facilitator's or coach's page watches a session of their space.</summary>
    [Authorize]
    public Task<LiveState> Watch(Guid sessionId) => QuietlyAsync(() => WatchAsync(sessionId));

    /// <summary>A page left while its call was on the way: nothing to answer, and nothing worth an error in the log.</summary>
    private async Task<LiveState> QuietlyAsync(Func<Task<LiveState>> call)
    {
        UseTheConnectionsLanguage();
        try
        {
            return await call();
        }
        catch (OperationCanceledException) when (Context.ConnectionAborted.IsCancellationRequested)
        {
            throw new HubException(text["Hub.ConnectionClosed"]);
        }
    }

    /// <summary>
    /// Refusals speak the language of the page that opened the connection. It was chosen when the connection's
    /// request passed the localisation middleware; an invocation does not necessarily run under that culture.
    /// </summary>
    private void UseTheConnectionsLanguage()
    {
        if (Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } chosen)
        {
            CultureInfo.CurrentCulture = chosen.Culture;
            CultureInfo.CurrentUICulture = chosen.UICulture;
        }
    }

    private async Task<LiveState> FollowAsync(string code)
    {
        var normalized = JoinCode.Normalize(code);
        var session = normalized is null
            ? null
            : await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.JoinCode == normalized, Context.ConnectionAborted);
        var request = Context.GetHttpContext()?.Request;
        var participantId = session is null || request is null ? null : cookie.Read(request, session.Id, session.JoinCode);
        if (session is null || participantId is null
            || !await db.Participants.AnyAsync(p => p.Id == participantId && p.SessionId == session.Id, Context.ConnectionAborted))
        {
            throw new HubException(text["Hub.JoinFirst"]);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Participants(session.Id), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Participants(session.Id, CultureInfo.CurrentUICulture.Name), Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Participant(participantId.Value), Context.ConnectionAborted);
        if (Context.Items.TryAdd(FollowingKey, true))
        {
            WorkshopMetrics.PhonesConnected.Add(1);
        }

        return LiveState.Of(session);
    }

    private async Task<LiveState> WatchAsync(Guid sessionId)
    {
        if (Context.User is null || await access.SessionAsync(Context.User, sessionId, cancellationToken: Context.ConnectionAborted) is not { Session: var session })
        {
            throw new HubException(text["Hub.SessionNotFound"]);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Facilitators(session.Id), Context.ConnectionAborted);
        return LiveState.Of(session);
    }
}

/// <summary>Group names: one for a session's phones, one for the pages that watch it.</summary>
public static class LiveGroups
{
    public static string Participants(Guid sessionId) => $"p:{sessionId:N}";

    /// <summary>
    /// A session's phones that read one language (the one their page was drawn in; a language the app does not speak
    /// counts as its default), which hear the step change with the room's view in that language.
    /// </summary>
    public static string Participants(Guid sessionId, string language) =>
        $"p:{sessionId:N}:{(WorkshopLanguages.Find(language) ?? WorkshopLanguages.Supported[0]).Name}";

    public static string Facilitators(Guid sessionId) => $"f:{sessionId:N}";

    /// <summary>One phone, so it alone hears that it was removed.</summary>
    public static string Participant(Guid participantId) => $"pp:{participantId:N}";
}

/// <summary>
/// Sent by page handlers after their change is saved (save first, then broadcast: a phone that misses
/// a message still finds the truth in the database when it next reads a page).
/// </summary>
public sealed partial class LiveUpdates(IHubContext<SessionHub> hub, StepViews views, ILogger<LiveUpdates> logger)
{
    /// <summary>
    /// The room moved (or its step changed: lock, timer, ballot). Phones hear where it is, each language group with
    /// the room's view of the step when it can be shared; the watching pages hear that something changed.
    /// </summary>
    public async Task StateChangedAsync(Session session)
    {
        var state = LiveState.Of(session);
        var drawn = await views.DrawAsync(session, CancellationToken.None);
        if (drawn.Count == 0)
        {
            await SendAsync(session.Id, state, "state");
            return;
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await Task.WhenAll(drawn.Select(view =>
                hub.Clients.Group(LiveGroups.Participants(session.Id, view.Key)).SendAsync("state", state with { View = view.Value })));
            WorkshopMetrics.StepChangeFanOut.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBroadcastFailed(ex, session.Id);
        }

        await SendAsync(session.Id, null, "state");
    }

    /// <summary>The removed phone hears it and re-reads its page, which explains; the others hear nothing.</summary>
    public async Task ParticipantRemovedAsync(Guid sessionId, Guid participantId)
    {
        try
        {
            await hub.Clients.Group(LiveGroups.Participant(participantId)).SendAsync("state", new LiveState("Removed", 0));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBroadcastFailed(ex, sessionId);
        }

        await SendAsync(sessionId, null, "participants");
    }

    /// <summary>Phones of a deleted session hear it is gone and re-read their page, which explains.</summary>
    public Task SessionDeletedAsync(Guid sessionId) => SendAsync(sessionId, new LiveState("Deleted", 0), "state");

    public Task AnswersChangedAsync(Guid sessionId) => SendAsync(sessionId, null, "answers");

    public Task ParticipantsChangedAsync(Guid sessionId) => SendAsync(sessionId, null, "participants");

    private async Task SendAsync(Guid sessionId, LiveState? toPhones, string whatChanged)
    {
        // The change is already saved; a failed broadcast must not turn a saved answer into an error.
        // Pages also re-read the state when they reconnect, so nothing is lost, only later.
        try
        {
            if (toPhones is not null)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await hub.Clients.Group(LiveGroups.Participants(sessionId)).SendAsync("state", toPhones);
                WorkshopMetrics.StepChangeFanOut.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            await hub.Clients.Group(LiveGroups.Facilitators(sessionId)).SendAsync("changed", whatChanged);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBroadcastFailed(ex, sessionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not broadcast a change of session {SessionId}; pages will catch up when they reconnect.")]
    private partial void LogBroadcastFailed(Exception exception, Guid sessionId);
}
