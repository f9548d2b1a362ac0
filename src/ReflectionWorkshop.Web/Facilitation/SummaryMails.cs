using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Reports;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// The sessions that have just closed, waiting for their "summary is ready" mails. <see cref="Steering"/> adds a
/// session after its close is saved and <see cref="SummaryMailJob"/> mails in the background, so a slow or
/// failing mail server never holds up or fails the Close press. The queue lives in this process: a session
/// closed just before the app stops may go unmailed (its summary is there all the same).
/// </summary>
public sealed partial class SummaryMailQueue(ILogger<SummaryMailQueue> logger)
{
    /// <summary>Far more closes than mail could be waiting on; beyond it a close is logged instead of queued.</summary>
    public const int Capacity = 1000;

    private readonly Channel<Guid> _closed = Channel.CreateBounded<Guid>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    /// <summary>
    /// The sessions queued so far. A session closes once, but two presses of Close racing on one instance can both
    /// save it: its coaches are mailed once all the same. One id per closed session, kept for the process's life.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, byte> _queued = new();

    public ChannelReader<Guid> Reader => _closed.Reader;

    public void SessionClosed(Guid sessionId)
    {
        if (!_queued.TryAdd(sessionId, 0))
        {
            return;
        }

        if (!_closed.Writer.TryWrite(sessionId))
        {
            LogFull(logger, sessionId, Capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary mails: {Capacity} closed sessions are already waiting to be mailed; session {SessionId} is not")]
    private static partial void LogFull(ILogger logger, Guid sessionId, int capacity);
}

/// <summary>
/// Mails the coaches of a closed session's space that its summary is ready: every member with the coach role
/// whose account has not opted out (<c>AppUser.SummaryMailOptOut</c>), each in the language their account chose
/// (else the session's). Facilitators are not mailed: they ran it or can see it on their sessions list.
/// </summary>
public sealed partial class SummaryMails(
    AppDbContext db,
    IAccountMailer mailer,
    SummaryMailLinks links,
    IServiceProvider services,
    IConfiguration configuration,
    IStringLocalizer<AccountsText> text,
    ILogger<SummaryMails> logger)
{
    public async Task SendAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is not { ClosedAt: { } closedAt })
        {
            // Deleted (or never closed) since: there is no summary to point to.
            return;
        }

        if (session.StartedAt is not { } startedAt)
        {
            // Closed from the lobby: nobody answered anything, so there is nothing to read.
            LogNotStarted(logger, sessionId);
            return;
        }

        var space = await db.Spaces.AsNoTracking().Where(s => s.Id == session.SpaceId).Select(s => s.Name).SingleAsync(cancellationToken);
        var coaches = await db.SpaceMembers.AsNoTracking()
            .Where(m => m.SpaceId == session.SpaceId && m.Role == SpaceRole.Coach)
            .Join(db.Users.AsNoTracking().Where(u => !u.SummaryMailOptOut && u.Email != null), m => m.UserId, u => u.Id, (m, u) => new { u.Id, Email = u.Email! })
            .ToListAsync(cancellationToken);
        var ids = coaches.Select(c => c.Id).ToList();
        var chosen = (await db.UserClaims.AsNoTracking()
                .Where(c => ids.Contains(c.UserId) && c.ClaimType == WorkshopLanguages.Claim)
                .Select(c => new { c.UserId, c.ClaimValue })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.UserId)
            .ToDictionary(g => g.Key, g => g.First().ClaimValue);

        var baseUrl = PublicUrl.ForMessages(services, configuration);
        var summaryUrl = $"{baseUrl}/facilitate/sessions/{session.Id}/summary";
        var mailed = 0;
        foreach (var coach in coaches)
        {
            var language = WorkshopLanguages.Find(chosen.GetValueOrDefault(coach.Id)) ?? ReportLanguage.Of(session);
            var facts = new SummaryReadyFacts(session.Activity.Title, space, startedAt, closedAt, summaryUrl, $"{baseUrl}/account", links.Unsubscribe(baseUrl, coach.Id));
            try
            {
                await mailer.SendAsync(AccountEmails.SummaryReady(text, coach.Email, language, facts), summaryUrl, cancellationToken);
                mailed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One address the mail library refuses must not cost the other coaches their mail.
                LogFailed(logger, ex, coach.Email, sessionId);
            }
        }

        LogDone(logger, sessionId, mailed, coaches.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary mails: session {SessionId} closed before it started; nothing to mail")]
    private static partial void LogNotStarted(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary mails: the mail to {Email} about session {SessionId} could not be written or handed on")]
    private static partial void LogFailed(ILogger logger, Exception exception, string email, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary mails: session {SessionId} handed {Mailed} of {Coaches} mail(s) to the sender")]
    private static partial void LogDone(ILogger logger, Guid sessionId, int mailed, int coaches);
}

/// <summary>Takes closed sessions off <see cref="SummaryMailQueue"/> one at a time and mails their coaches (<see cref="SummaryMails"/>).</summary>
public sealed partial class SummaryMailJob(SummaryMailQueue queue, IServiceScopeFactory scopes, ILogger<SummaryMailJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var sessionId in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SummaryMails>().SendAsync(sessionId, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex, sessionId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Summary mails: mailing the coaches of session {SessionId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid sessionId);
}
