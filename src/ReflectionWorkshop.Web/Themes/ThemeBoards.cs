using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Themes;

/// <summary>
/// Reads and edits theme boards for the pages: a step's cards with its board, edits that survive a
/// race with another facilitator, suggestions, the context a later step shows, and opening a vote.
/// </summary>
public sealed class ThemeBoards(AppDbContext db, ThemeEngine engine, TimeProvider clock, IStringLocalizer<ReviewText> text)
{
    /// <summary>
    /// Tries before an edit gives up: when a whole room sorts its cards at once, thirty edits race for one board
    /// (three tries answered some phones with a 500 on a busy machine).
    /// </summary>
    private const int Attempts = 10;

    /// <summary>The step's cards (from the responses as they are now) on its board.</summary>
    public async Task<BoardView> ViewAsync(Session session, int step, CancellationToken cancellationToken)
    {
        var prompt = session.PromptAt(step);
        var cards = await CardsAsync(session, step, cancellationToken);
        var board = await db.ThemeBoards.AsNoTracking().SingleOrDefaultAsync(b => b.SessionId == session.Id && b.Step == step, cancellationToken);
        return BoardView.Build(prompt, board, cards);
    }

    /// <summary>The step's board from its answers as the caller already read them (the control page reads them for its list).</summary>
    public async Task<BoardView> ViewAsync(Session session, int step, IEnumerable<Response> answersToStep, CancellationToken cancellationToken)
    {
        var board = await db.ThemeBoards.AsNoTracking().SingleOrDefaultAsync(b => b.SessionId == session.Id && b.Step == step, cancellationToken);
        return BoardView.Of(session.PromptAt(step), board, answersToStep);
    }

    /// <summary>When the board last changed, for the page's "has anything changed?" poll.</summary>
    public Task<DateTimeOffset?> UpdatedAtAsync(Guid sessionId, int step, CancellationToken cancellationToken) =>
        db.ThemeBoards.Where(b => b.SessionId == sessionId && b.Step == step).Select(b => (DateTimeOffset?)b.UpdatedAt).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Applies one edit to the step's board (made on first edit). When another edit was saved between
    /// reading and writing, the board is read again and the edit re-applied: its own checks then see
    /// the other edit, so nothing is overwritten; a real conflict surfaces as a <see cref="ThemeConflictException"/>.
    /// </summary>
    public async Task<T> EditAsync<T>(Session session, int step, Func<ThemeBoard, IReadOnlyList<Card>, T> edit, CancellationToken cancellationToken)
    {
        var cards = await CardsAsync(session, step, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var board = await db.ThemeBoards.SingleOrDefaultAsync(b => b.SessionId == session.Id && b.Step == step, cancellationToken);
            if (board is null)
            {
                board = ThemeBoard.Create(session.Id, step, clock.GetUtcNow());
                db.ThemeBoards.Add(board);
            }

            var result = edit(board, cards);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another edit was saved first (the version moved on, or both made the board at once). A short random
                // pause, longer each time, so that racing edits stop meeting each other.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new ThemeConflictException(text["Board.Busy"]);
            }
        }
    }

    /// <summary>
    /// Drafts themes from the cards nobody has themed yet; the facilitator then accepts, renames or
    /// dismisses each. Compare prompts are grouped side by side, so each draft speaks for one side.
    /// At most <see cref="SuggestionLimits.MaxAnswers"/> cards a side are read (the board says so when
    /// there are more). Returns how many drafts there are, or null when the engine ran out of time.
    /// </summary>
    public async Task<int?> SuggestAsync(Session session, int step, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(session, step, cancellationToken);
        var drafts = new List<(string, IReadOnlyList<CardKey>)>();
        foreach (var side in view.Unthemed.GroupBy(c => c.Side).OrderBy(g => g.Key))
        {
            var cards = side.Take(SuggestionLimits.MaxAnswers).ToList();
            var found = await engine.SuggestAsync(cards.Select(c => c.Text).ToList(), session.Activity.Language, cancellationToken);
            if (found is null)
            {
                return null;
            }

            drafts.AddRange(found.Themes.Select(t => (t.Label, (IReadOnlyList<CardKey>)t.Members.Select(i => cards[i].Key).ToList())));
        }

        return await EditAsync(session, step, (board, _) => board.SetDrafts(drafts, clock.GetUtcNow()).Count, cancellationToken);
    }

    /// <summary>
    /// Where each loose card (in no theme and no draft) likely belongs among the named themes, the cards
    /// people placed serving as each theme's examples. Empty with no named theme; null when the engine
    /// ran out of time (the board then works by hand).
    /// </summary>
    public async Task<IReadOnlyDictionary<CardKey, CardHint>?> HintsAsync(Session session, BoardView view, CancellationToken cancellationToken)
    {
        var placements = await PlaceLooseAsync(session, view, cancellationToken);

        // With one theme there is nothing to tell apart: every card would look sure. Suggest a place only among two or more.
        var canBeSure = view.Themes.Count > 1;
        return placements?.ToDictionary(
            pair => pair.Key,
            pair => new CardHint(pair.Value.Ranked.Select(i => view.Themes[i].Theme).ToList(), canBeSure && pair.Value.Confident && pair.Value.Ranked.Count > 0));
    }

    /// <summary>
    /// What one phone shows while the room sorts: the named themes, and that participant's own cards of the step
    /// (never anyone else's), each with the theme it is in, whether a facilitator placed it there, and the likeliest theme.
    /// </summary>
    public async Task<(IReadOnlyList<Theme> Themes, IReadOnlyList<SortCard> Cards)> SortViewAsync(Session session, int step, Guid participantId, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(session, step, cancellationToken);
        var themes = view.Themes.Select(t => t.Theme).ToList();
        var mine = view.Themes.SelectMany(t => t.Cards).Concat(view.Unthemed).Where(c => c.ParticipantId == participantId).ToList();

        // Ranked with the whole step's loose cards, as the board ranks them: the engine reads a card against what the
        // step's cards share, which one phone's two or three cards alone cannot tell (the vectors are cached, so this is cheap).
        var loose = view.Loose;
        var placements = mine.Any(loose.Contains) ? await PlaceLooseAsync(session, view, cancellationToken) : null;
        var cards = mine
            .OrderBy(c => c.Key.Slot)
            .Select(card =>
            {
                var current = view.Themes.FirstOrDefault(t => t.Cards.Contains(card))?.Theme;
                var likeliest = placements is not null && placements.TryGetValue(card.Key, out var placement) && placement.Ranked.Count > 0
                    ? themes[placement.Ranked[0]]
                    : null;
                return new SortCard(card, current, current is not null && !view.RoomPlaced.Contains(card.Key), current ?? likeliest);
            })
            .ToList();
        return (themes, cards);
    }

    /// <summary>The engine's ranking of the named themes for each loose card (at most the cap); null when it ran out of time.</summary>
    private async Task<IReadOnlyDictionary<CardKey, Placement>?> PlaceLooseAsync(Session session, BoardView view, CancellationToken cancellationToken)
    {
        var loose = view.Loose.Take(SuggestionLimits.MaxAnswers).ToList();
        if (view.Themes.Count == 0 || loose.Count == 0)
        {
            return new Dictionary<CardKey, Placement>();
        }

        // A theme's placed cards are its examples: enough for the engine to know it, and never more than the cap in all.
        var examples = Math.Min(ExamplesPerTheme, SuggestionLimits.MaxAnswers / view.Themes.Count);
        var themes = view.Themes
            .Select(t => new NamedTheme(t.Theme.Name, t.Cards.Select(c => c.Text).Take(examples).ToList()))
            .ToList();
        var placements = await engine.PlaceAsync(loose.Select(c => c.Text).ToList(), themes, session.Activity.Language, cancellationToken);
        return placements is null ? null : loose.Zip(placements).ToDictionary(pair => pair.First.Key, pair => pair.Second);
    }

    private const int ExamplesPerTheme = 20;

    /// <summary>
    /// What a step shows as context: the top themes of the step it names, or for a vote its
    /// top-voted themes. Empty when the prompt asks for none or nothing is there yet.
    /// </summary>
    public async Task<StepContext?> ContextAsync(Session session, int step, CancellationToken cancellationToken)
    {
        var prompt = session.Activity.PromptAt(step);
        if (prompt.ContextFrom is not { } from || from >= session.Activity.Prompts.Count)
        {
            return null;
        }

        var source = session.PromptAt(from);
        IReadOnlyList<string> themes;
        if (source.Kind == PromptKind.Vote)
        {
            var responses = await db.Responses.AsNoTracking().Where(r => r.SessionId == session.Id && r.Step == from).ToListAsync(cancellationToken);
            themes = SessionSummary.Tally(source, responses).Where(t => t.Dots > 0).Take(prompt.ContextTop).Select(t => t.Theme).ToList();
        }
        else
        {
            themes = (await ViewAsync(session, from, cancellationToken)).Ranked.Take(prompt.ContextTop).Select(t => t.Theme.Name).ToList();
        }

        // The heading is written now, in the language of the page being made (each phone its own).
        var heading = source.Kind == PromptKind.Vote ? text["Context.TopVoted", from + 1] : text["Context.Themes", from + 1];
        return new StepContext(from, source, themes, heading);
    }

    /// <summary>Opens (or, before anyone voted, refreshes) a vote step's ballot with the source step's themes, largest first.</summary>
    public async Task OpenVoteAsync(Session trackedSession, int step, CancellationToken cancellationToken)
    {
        var themes = await BallotAsync(trackedSession, step, cancellationToken);
        var votes = await db.Responses.AsNoTracking().Where(r => r.SessionId == trackedSession.Id && r.Step == step).ToListAsync(cancellationToken);
        trackedSession.OpenVote(step, themes, votes);
    }

    /// <summary>
    /// The themes the vote at <paramref name="step"/> offers when it opens now: its source step's themes that hold
    /// cards, largest first, as many as a ballot takes.
    /// </summary>
    public async Task<IReadOnlyList<string>> BallotAsync(Session session, int step, CancellationToken cancellationToken) =>
        session.Activity.PromptAt(step).ThemesFrom is { } from
            ? (await ViewAsync(session, from, cancellationToken)).Ranked.Select(t => t.Theme.Name).Take(AnswerLimits.BallotMaxThemes).ToList()
            : [];

    /// <summary>Asks the room to sort its own cards of <paramref name="step"/>; the session checks the step's board.</summary>
    public async Task StartRoomSortingAsync(Session trackedSession, int step, CancellationToken cancellationToken)
    {
        var board = await db.ThemeBoards.AsNoTracking().SingleOrDefaultAsync(b => b.SessionId == trackedSession.Id && b.Step == step, cancellationToken);
        trackedSession.StartRoomSorting(step, board);
    }

    private async Task<IReadOnlyList<Card>> CardsAsync(Session session, int step, CancellationToken cancellationToken)
    {
        var prompt = session.PromptAt(step);
        if (!prompt.CanBeThemed)
        {
            return [];
        }

        var responses = await db.Responses.AsNoTracking().Where(r => r.SessionId == session.Id && r.Step == step).ToListAsync(cancellationToken);
        return Card.From(prompt, responses);
    }
}

/// <summary>
/// Where the engine thinks a loose card belongs: the likeliest named themes first (at most three), and
/// whether it is sure enough to show the card in the first as "suggested" until a person confirms it.
/// </summary>
public sealed record CardHint(IReadOnlyList<Theme> Choices, bool Suggested);

/// <summary>
/// One of a participant's own cards while the room sorts: the theme it is in (null: none yet), whether a
/// facilitator put it there (then it stays), and the theme the phone offers first.
/// </summary>
public sealed record SortCard(Card Card, Theme? In, bool PlacedByFacilitator, Theme? Preselected);

/// <summary>The themes an earlier step hands on to this one, with where they came from and a heading saying so.</summary>
public sealed record StepContext(int FromStep, Prompt From, IReadOnlyList<string> Themes, string Heading);
