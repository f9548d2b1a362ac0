using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// What one phone's page shows: its session and who it is there, its answer to the step it is on, the earlier
/// step's themes that step shows, its own cards while the room sorts, and all its answers once the session closed.
/// </summary>
public sealed record PhoneAtStep(
    Session Session,
    Participant Participant,
    Response? Saved,
    IReadOnlyList<Response> Mine,
    StepContext? Context,
    IReadOnlyList<Theme> SortThemes,
    IReadOnlyList<SortCard> MyCards)
{
    /// <summary>The steps this phone has answered (its script takes the room's view of a step only when it has not answered it).</summary>
    public IReadOnlyCollection<int> Answered { get; init; } = [];
}

/// <summary>Reads a phone's page (<see cref="PhoneAtStep"/>) and the small state its script polls.</summary>
public sealed class PhoneReading(AppDbContext db, Joining joining, ParticipantCookie cookie, ThemeBoards boards)
{
    /// <summary>The session a code names (null: none), and this phone in it (null: this phone is not in it).</summary>
    public async Task<(Session? Session, PhoneAtStep? Phone)> ReadAsync(string code, HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(code, cancellationToken);
        if (session is null || await joining.CurrentWithAnsweredAsync(request, session, cancellationToken) is not var (participant, answered))
        {
            return (session, null);
        }

        if (session.State == SessionState.Closed)
        {
            var mine = await db.Responses.AsNoTracking()
                .Where(r => r.ParticipantId == participant.Id)
                .OrderBy(r => r.Step)
                .ToListAsync(cancellationToken);
            return (session, new(session, participant, null, mine, null, [], []));
        }

        if (session.State != SessionState.Running)
        {
            return (session, new(session, participant, null, [], null, [], []));
        }

        var step = session.StepFor(participant);
        var saved = answered.Contains(step)
            ? await db.Responses.SingleOrDefaultAsync(r => r.ParticipantId == participant.Id && r.Step == step, cancellationToken)
            : null;
        var context = await boards.ContextAsync(session, step, cancellationToken);
        var (themes, cards) = session.SortingStep is { } sorting && !session.IsSelfPaced && !participant.IsRemoved
            ? await boards.SortViewAsync(session, sorting, participant.Id, cancellationToken)
            : ([], []);
        return (session, new(session, participant, saved, [], context, themes, cards) { Answered = answered });
    }

    /// <summary>
    /// Where the room is now, for the phone's poll while live updates are down: only to the session's own phones
    /// (issue 18); anyone else gets null, whether or not the code is real.
    /// </summary>
    public async Task<LiveState?> StateAsync(string code, HttpRequest request, CancellationToken cancellationToken) =>
        await SessionAsync(code, cancellationToken) is { } session && cookie.Read(request, session.Id, session.JoinCode) is not null
            ? LiveState.Of(session)
            : null;

    private async Task<Session?> SessionAsync(string code, CancellationToken cancellationToken) =>
        JoinCode.Normalize(code) is { } normalized
            ? await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.JoinCode == normalized, cancellationToken)
            : null;
}
