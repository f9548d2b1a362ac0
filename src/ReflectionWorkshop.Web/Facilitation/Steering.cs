using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// What a press of a control came to: <see cref="Found"/> false when the viewer may not steer this session (the
/// page answers "not found"), else the words to show (what happened, or why the session refused).
/// </summary>
public sealed record Steered(bool Found, string? Message = null)
{
    public static readonly Steered NotFound = new(false);
}

/// <summary>Who may press a control: the facilitator running the session, or any facilitator of its space.</summary>
public enum Steerer
{
    /// <summary>Moving the room (start, next, timers, locks, close, remove someone): the one running it.</summary>
    Driver,

    /// <summary>What the theme board changes for the room (room sorting, themes on the projector, votes): any facilitator.</summary>
    AnyFacilitator,
}

/// <summary>
/// The facilitator's controls, from a pressed button to a saved session and the signal that moves the phones and
/// pages: who may press (<see cref="SessionAccess"/>), one save per press, then one broadcast. The session decides
/// whether the change is allowed; a refusal comes back as its message. A press that closes the session queues
/// the "summary is ready" mails to the space's coaches once the close is saved (<see cref="SummaryMailQueue"/>).
/// </summary>
public sealed class Steering(AppDbContext db, SpaceAccess access, LiveUpdates live, ThemeBoards boards, SummaryMailQueue summaryMails, IStringLocalizer<FacilitationText> text)
{
    /// <summary>
    /// Applies <paramref name="change"/> (which returns what to tell the facilitator, or null) and saves. With
    /// <paramref name="step"/>, a press about one step: a step the activity does not have is "not found".
    /// </summary>
    public async Task<Steered> ChangeAsync(ClaimsPrincipal user, Guid sessionId, Steerer who, Func<Session, Task<string?>> change, CancellationToken cancellationToken, int? step = null)
    {
        if (await access.SessionAsync(user, sessionId, tracked: true, cancellationToken) is not { CanSteer: true } found
            || step < 0 || step >= found.Session.Activity.Prompts.Count)
        {
            return Steered.NotFound;
        }

        if (who == Steerer.Driver && !found.Drives)
        {
            return new(true, text["Run.NotYours"]);
        }

        try
        {
            var wasClosed = found.Session.State == SessionState.Closed;
            var said = await change(found.Session);
            await db.SaveChangesAsync(cancellationToken);
            if (!wasClosed && found.Session.State == SessionState.Closed)
            {
                summaryMails.SessionClosed(found.Session.Id);
            }

            await live.StateChangedAsync(found.Session);
            return new(true, said);
        }
        catch (DomainException ex)
        {
            return new(true, ex.Message);
        }
    }

    /// <summary>A change that needs no reading and says nothing on success.</summary>
    public Task<Steered> ChangeAsync(ClaimsPrincipal user, Guid sessionId, Action<Session> change, CancellationToken cancellationToken) =>
        ChangeAsync(user, sessionId, Steerer.Driver, s =>
        {
            change(s);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    /// <summary>Moves the room on from <paramref name="fromStep"/>; arriving at a vote opens it when there are enough themes.</summary>
    public Task<Steered> NextAsync(ClaimsPrincipal user, Guid sessionId, int fromStep, CancellationToken cancellationToken) =>
        ChangeAsync(user, sessionId, Steerer.Driver, async s =>
        {
            s.Advance(fromStep);
            if (s.CurrentPrompt.Kind == PromptKind.Vote && !s.IsBallotOpen(s.CurrentStep))
            {
                try
                {
                    await boards.OpenVoteAsync(s, s.CurrentStep, cancellationToken);
                }
                catch (DomainException)
                {
                    // Too few themes yet: the control page says so and offers to open the vote later.
                }
            }

            return null;
        }, cancellationToken);

    /// <summary>Takes a participant out of the room with their answers, in one save; their phone is told.</summary>
    public async Task<Steered> RemoveAsync(ClaimsPrincipal user, Guid sessionId, Guid participantId, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(user, sessionId, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return Steered.NotFound;
        }

        var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId && p.SessionId == sessionId, cancellationToken);
        if (participant is null)
        {
            return Steered.NotFound;
        }

        var answers = await db.Responses.Where(r => r.ParticipantId == participantId).ToListAsync(cancellationToken);
        db.Responses.RemoveRange(session.Remove(participant, answers));
        await db.SaveChangesAsync(cancellationToken);
        await live.ParticipantRemovedAsync(sessionId, participantId);
        return new(true, text["Run.Removed"]);
    }

    /// <summary>A co-facilitator of the space takes the controls of a session someone else started.</summary>
    public async Task<Steered> TakeOverAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(user, sessionId, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session } found)
        {
            return Steered.NotFound;
        }

        try
        {
            session.TakeOver(found.UserId);
            await db.SaveChangesAsync(cancellationToken);
            await live.StateChangedAsync(session);
            return new(true, text["Run.TookOver"]);
        }
        catch (DomainException ex)
        {
            return new(true, ex.Message);
        }
    }

    /// <summary>Deletes the session with every participant and answer; returns what to say on the sessions list.</summary>
    public async Task<Steered> DeleteAsync(ClaimsPrincipal user, Guid sessionId, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(user, sessionId, tracked: true, cancellationToken) is not { CanSteer: true, Session: var session })
        {
            return Steered.NotFound;
        }

        db.Sessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        await live.SessionDeletedAsync(session.Id);
        return new(true, text["Run.Deleted", session.Activity.Title, session.JoinCode]);
    }
}
