using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Diagnostics;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>What became of an answer a phone posted (<see cref="Answering.SubmitAsync"/>).</summary>
public abstract record Submission
{
    private Submission()
    {
    }

    /// <summary>Stored (or, for a retry of a submission already stored, stored before): the phone's answer to its step.</summary>
    public sealed record Saved(Response Response) : Submission;

    /// <summary>The phone may not answer that step now; nothing was stored. <see cref="Message"/> is the domain's words for it.</summary>
    public sealed record Refused(AnswerRefusal Why, string Message) : Submission;

    /// <summary>The answer breaks the step's rules; each problem names its field. Nothing was stored.</summary>
    public sealed record Invalid(IReadOnlyList<AnswerProblem> Problems) : Submission;
}

/// <summary>
/// The answer path, from a phone's posted form to a stored response and the signal that tells the room's pages:
/// the page binds the form and calls this; the session decides (<see cref="Session.Accept"/>, the only place the
/// rules run) and the write queue stores (<see cref="WriteQueue"/>, one SQLite writer for the whole room).
/// </summary>
public sealed class Answering(AppDbContext db, WriteQueue writes, LiveUpdates live, ThemeBoards boards, TimeProvider clock, IStringLocalizer<ParticipantText> text)
{
    /// <param name="saved">The phone's stored answer to the step it is on, as the page read it (null: none yet).</param>
    public async Task<Submission> SubmitAsync(Session session, Participant participant, Response? saved, AnswerInput typed, CancellationToken cancellationToken)
    {
        if (typed.Key is { Length: > 0 } key && await StoredAsync(session, participant, saved, typed.Step, key, cancellationToken) is { } stored)
        {
            // A retry of a submission that was saved (its reply was lost on the way): it is saved; say so.
            return new Submission.Saved(stored);
        }

        if (session.RefusalFor(participant, typed.Step) is { } why)
        {
            return new Submission.Refused(why, session.RefusalMessage(why, participant, typed.Step));
        }

        AcceptedAnswer accepted;
        try
        {
            // The form was drawn from the step in the phone's language; the session stores the activity's own.
            var shown = session.PromptAt(typed.Step, CultureInfo.CurrentUICulture.Name);
            accepted = session.Accept(participant, typed.Step, typed.ToAnswer(shown));
        }
        catch (AnswerProblemsException invalid)
        {
            return new Submission.Invalid(invalid.Problems);
        }

        Response? recorded = null;
        try
        {
            await writes.RunAsync(db, async (writer, token) => recorded = await RecordAsync(writer, session, accepted, saved, typed.Key, token), cancellationToken);
        }
        catch (DomainException ex)
        {
            return new Submission.Invalid([new AnswerProblem(null, ex.Message)]);
        }

        WorkshopMetrics.AnswersSaved.Add(1);
        await live.AnswersChangedAsync(session.Id);
        return new Submission.Saved(recorded!);
    }

    /// <summary>
    /// The response a submission with this key already stored, if any. For the step the phone is on, that is the answer
    /// the page already read (no second query for every answer of a burst); a key for another step is a retry that may
    /// have been stored just before the room moved on, so it is looked up.
    /// </summary>
    private async Task<Response?> StoredAsync(Session session, Participant participant, Response? saved, int step, string key, CancellationToken cancellationToken) =>
        step == session.StepFor(participant)
            ? saved is { SubmissionKey: var stored } && stored == key ? saved : null
            : await db.Responses.AsNoTracking().SingleOrDefaultAsync(r => r.ParticipantId == participant.Id && r.Step == step && r.SubmissionKey == key, cancellationToken);

    /// <summary>Runs in the write queue's turn, on its context (SQLite) or the request's own (PostgreSQL).</summary>
    private async Task<Response> RecordAsync(AppDbContext writer, Session session, AcceptedAnswer accepted, Response? saved, string? key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (saved is null)
        {
            var added = session.Record(accepted, null, now, key);
            writer.Responses.Add(added);
            try
            {
                await writer.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (DbUpdateException)
            {
                // Two posts of the same answer raced (a double tap, or a resend while the first was queued): the
                // other one inserted first and the unique index refused this one. Apply it as a change instead.
                writer.ChangeTracker.Clear();
            }
        }

        // A change to an answer: applied to the stored response as it is now.
        var existing = await writer.Responses.SingleAsync(r => r.ParticipantId == accepted.ParticipantId && r.Step == accepted.Step, cancellationToken);
        session.Record(accepted, existing, now, key);
        await writer.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>
    /// The participant takes back everything they answered (they stay in the room for the steps to come). Returns
    /// how many answers went; a closed session refuses (<see cref="DomainException"/>).
    /// </summary>
    public async Task<int> WithdrawAsync(Session session, Participant participant, CancellationToken cancellationToken)
    {
        var theirs = await db.Responses.Where(r => r.ParticipantId == participant.Id).ToListAsync(cancellationToken);
        var gone = session.Withdraw(participant, theirs);
        db.Responses.RemoveRange(gone);
        await db.SaveChangesAsync(cancellationToken);
        await live.AnswersChangedAsync(session.Id);
        return gone.Count;
    }

    /// <summary>Self-paced sessions: the participant moves one step on (+1) or back (-1) from <paramref name="fromStep"/>.</summary>
    public async Task MoveAsync(Session session, Participant participant, int fromStep, int direction, CancellationToken cancellationToken)
    {
        var tracked = await db.Participants.SingleAsync(p => p.Id == participant.Id, cancellationToken);
        session.MoveParticipant(tracked, fromStep, direction);
        await db.SaveChangesAsync(cancellationToken);
        await live.ParticipantsChangedAsync(session.Id);
    }

    /// <summary>
    /// While the room sorts, a participant places one of their own cards in a theme (or in none). Only their own:
    /// the card must be an item of their answer to the step. A card a facilitator placed stays where they put it.
    /// Returns what to tell the phone; a refusal is a <see cref="DomainException"/>.
    /// </summary>
    public async Task<string> SortAsync(Session session, Participant participant, string? card, string? to, CancellationToken cancellationToken)
    {
        if (session.SortingStep is not { } step || session.IsSelfPaced || participant.IsRemoved)
        {
            throw new SortingEndedException(text["Play.SortEnded"]);
        }

        var said = await boards.EditAsync(session, step, (board, cards) =>
        {
            var mine = CardKey.TryParse(card, out var key) ? cards.FirstOrDefault(c => c.Key == key && c.ParticipantId == participant.Id) : null;
            if (mine is null)
            {
                throw new DomainException(text["Play.SortCardGone"]);
            }

            Guid? target = Guid.TryParse(to, out var id) ? id : null;
            var theme = target is { } t ? board.Find(t) ?? throw new DomainException(text["Play.SortThemeGone"]) : null;
            if (!board.PlaceFromRoom(mine.Key, target, clock.GetUtcNow()))
            {
                return text["Play.SortFacilitatorPlaced", board.ThemeOf(mine.Key)?.Name ?? ""].Value;
            }

            return theme is null ? text["Play.SortedNone"].Value : text["Play.SortedIn", theme.Name].Value;
        }, cancellationToken);
        await live.AnswersChangedAsync(session.Id);
        return said;
    }
}

/// <summary>The room is no longer sorting cards (or this phone may not sort): the phone goes back to its step.</summary>
public sealed class SortingEndedException(string message) : DomainException(message);
