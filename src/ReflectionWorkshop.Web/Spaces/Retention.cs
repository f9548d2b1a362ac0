using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Spaces;

/// <summary>A closed session that its space's rule will delete soon: what the space's page announces.</summary>
public sealed record DeletionAhead(Guid SessionId, string Title, string JoinCode, DateTimeOffset DeletesAt);

/// <summary>
/// Each space's rule for how long closed sessions are kept (<see cref="Domain.Spaces.Space.KeepClosedDays"/>): which
/// sessions it deletes now, and which it will delete within the week.
/// </summary>
public sealed partial class Retention(AppDbContext db, TimeProvider clock, ILogger<Retention> logger)
{
    /// <summary>
    /// Deletes every closed session past its space's period, with its participants, answers and boards. Logs what it
    /// deleted as counts, never content. Returns how many sessions went.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var spaces = await db.Spaces.AsNoTracking().Where(s => s.KeepClosedDays != null).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var space in spaces)
        {
            var closed = await db.Sessions.AsNoTracking()
                .Where(s => s.SpaceId == space.Id && s.State == SessionState.Closed)
                .Select(s => new { s.Id, s.ClosedAt })
                .ToListAsync(cancellationToken);
            var expired = closed.Where(s => space.DeletesAt(s.ClosedAt) <= now).Select(s => s.Id).ToList();
            if (expired.Count == 0)
            {
                continue;
            }

            var participants = await db.Participants.CountAsync(p => expired.Contains(p.SessionId), cancellationToken);
            var answers = await db.Responses.CountAsync(r => expired.Contains(r.SessionId), cancellationToken);
            // The database deletes what belongs to a session with it (cascading keys), as when a facilitator deletes one.
            await db.Sessions.Where(s => expired.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
            LogDeleted(logger, expired.Count, space.Id, space.KeepClosedDays!.Value, participants, answers);
            deleted += expired.Count;
        }

        return deleted;
    }

    /// <summary>The space's closed sessions its rule deletes within <see cref="Domain.Spaces.Space.DeletionNotice"/>, soonest first.</summary>
    public async Task<IReadOnlyList<DeletionAhead>> AheadAsync(Domain.Spaces.Space space, CancellationToken cancellationToken)
    {
        if (space.KeepClosedDays is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var closed = await db.Sessions.AsNoTracking()
            .Where(s => s.SpaceId == space.Id && s.State == SessionState.Closed)
            .ToListAsync(cancellationToken);
        return closed
            .Select(s => new DeletionAhead(s.Id, s.Activity.Title, s.JoinCode, space.DeletesAt(s.ClosedAt)!.Value))
            .Where(d => d.DeletesAt <= now + Domain.Spaces.Space.DeletionNotice)
            .OrderBy(d => d.DeletesAt)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Sessions} closed session(s) of space {SpaceId} (kept {Days} days), with {Participants} participant(s) and {Answers} answer(s)")]
    private static partial void LogDeleted(ILogger logger, int sessions, Guid spaceId, int days, int participants, int answers);
}

/// <summary>Runs <see cref="Retention.SweepAsync"/> a minute after start and then every <c>Retention:CheckMinutes</c> (60).</summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Retention:CheckMinutes", 60)));
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            do
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<Retention>().SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex);
                }

                await Task.Delay(every, stoppingToken);
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: the sweep failed; it runs again at the next check")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
