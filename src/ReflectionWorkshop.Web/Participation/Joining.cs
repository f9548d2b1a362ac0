using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// The outcome of looking up what a person typed as a code: a session, or a message for them; with
/// <see cref="WaitFor"/> when this address tried too many codes that match nothing (see <see cref="CodeGuesses"/>).
/// </summary>
public sealed record CodeLookup(Session? Session, string? Problem, TimeSpan? WaitFor = null)
{
    /// <summary>The status the page answers with: 429 while the address waits, 404 for no such session, else 200.</summary>
    public int Status => WaitFor is not null ? StatusCodes.Status429TooManyRequests : Session is null && Problem is not null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;

    /// <summary>Sets the status, and Retry-After while the address waits.</summary>
    public void Describe(HttpResponse response)
    {
        response.StatusCode = Status;
        if (WaitFor is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// Finding a session by its code and letting a phone in; shared by /join, /j/{code} and the phone's page (which
/// asks who this phone is). The join goes through the write queue like an answer: a room joins at once.
/// </summary>
public sealed class Joining(AppDbContext db, WriteQueue writes, ParticipantCookie cookie, CodeGuesses guesses, LiveUpdates live, TimeProvider clock, IStringLocalizer<ParticipantText> text)
{
    /// <summary>The session a typed code names, or the problem with it in the phone's language.</summary>
    public async Task<CodeLookup> FindAsync(HttpContext http, string? typed, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return new(null, text["Join.CodeMissing"]);
        }

        var code = JoinCode.Normalize(typed);
        if (code is null)
        {
            return new(null, text["Join.CodeMalformed", Shorten(typed)]);
        }

        if (guesses.WaitFor(http) is { } wait)
        {
            return new(null, text["Join.TooManyUnknown", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))], wait);
        }

        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.JoinCode == code, cancellationToken);
        if (session is null)
        {
            guesses.Missed(http);
            return new(null, text["Join.CodeUnknown", code]);
        }

        return session.State == SessionState.Closed
            ? new(session, text["Join.SessionClosed", code])
            : new(session, null);
    }

    /// <summary>The participant this phone already is in the session, if its cookie says so and they still exist.</summary>
    public async Task<Participant?> CurrentAsync(HttpRequest request, Session session, CancellationToken cancellationToken = default)
    {
        var id = cookie.Read(request, session.Id, session.JoinCode);
        return id is null
            ? null
            : await db.Participants.SingleOrDefaultAsync(p => p.Id == id && p.SessionId == session.Id, cancellationToken);
    }

    /// <summary>
    /// As <see cref="CurrentAsync"/>, with the steps this participant has answered, in one query: a phone's every
    /// request needs both (one database round trip fewer for each answer of a burst).
    /// </summary>
    public async Task<(Participant Participant, IReadOnlyCollection<int> Answered)?> CurrentWithAnsweredAsync(HttpRequest request, Session session, CancellationToken cancellationToken = default)
    {
        var id = cookie.Read(request, session.Id, session.JoinCode);
        if (id is null)
        {
            return null;
        }

        var found = await db.Participants
            .Where(p => p.Id == id && p.SessionId == session.Id)
            .Select(p => new { Participant = p, Answered = db.Responses.Where(r => r.ParticipantId == p.Id).Select(r => r.Step).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Participant, found.Answered);
    }

    /// <summary>Lets this phone into <paramref name="session"/> and remembers it in the phone's cookie.</summary>
    public async Task<Participant> JoinAsync(HttpResponse response, Session session, string? displayName, CancellationToken cancellationToken = default)
    {
        var participant = session.Join(displayName, clock.GetUtcNow());
        await writes.RunAsync(db, (writer, token) =>
        {
            writer.Participants.Add(participant);
            return writer.SaveChangesAsync(token);
        }, cancellationToken);
        cookie.Write(response, session.Id, session.JoinCode, participant.Id);
        await live.ParticipantsChangedAsync(session.Id);
        return participant;
    }

    private static string Shorten(string typed) => typed.Length <= 20 ? typed.Trim() : typed.Trim()[..20] + "…";
}
