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
public sealed class ThemeBoards(AppDbContext db, IThemeSuggester suggester, TimeProvider clock, IStringLocalizer<ReviewText> text)
{
    private const int Attempts = 3;

    /// <summary>The step's cards (from the responses as they are now) on its board.</summary>
    public async Task<BoardView> ViewAsync(Session session, int step, CancellationToken cancellationToken)
    {
        var prompt = session.PromptAt(step);
        var cards = await CardsAsync(session, step, cancellationToken);
        var board = await db.ThemeBoards.AsNoTracking().SingleOrDefaultAsync(b => b.SessionId == session.Id && b.Step == step, cancellationToken);
        return BoardView.Build(prompt, board, cards);
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
                // Another facilitator's edit was saved first (the version moved on, or both made the board at once).
            }
        }
    }

    /// <summary>
    /// Groups the cards nobody has themed yet and adds the groups as themes. Compare prompts are
    /// grouped side by side, so each theme speaks for one side. Returns how many themes were added.
    /// </summary>
    public Task<int> SuggestAsync(Session session, int step, CancellationToken cancellationToken) =>
        EditAsync(session, step, (board, cards) =>
        {
            var themed = board.Themes.SelectMany(t => t.Cards).ToHashSet();
            var suggestions = new List<(string, IReadOnlyList<CardKey>)>();
            foreach (var side in cards.Where(c => !themed.Contains(c.Key)).GroupBy(c => c.Side).OrderBy(g => g.Key))
            {
                var unthemed = side.ToList();
                var found = suggester.Suggest(unthemed.Select(c => c.Text).ToList(), session.Activity.Language);
                foreach (var theme in found.Themes)
                {
                    var members = theme.Members.Select(i => unthemed[i]).ToList();
                    suggestions.Add((Label(members, theme.Label), members.Select(c => c.Key).ToList()));
                }
            }

            return board.AddSuggestions(suggestions, clock.GetUtcNow()).Count;
        }, cancellationToken);

    /// <summary>
    /// A suggested theme is named after the crispest of its representative answers (the room's own
    /// words, e.g. "clear roles"); the suggester's key words are the fallback when every answer is long.
    /// </summary>
    private static string Label(IReadOnlyList<Card> members, string keywords) =>
        BoardView.Representative(members)
            .Select(c => c.Text.Trim())
            .Where(text => text.Length is > 0 and <= LabelMaxLength)
            .OrderBy(text => text.Length)
            .FirstOrDefault() ?? keywords;

    private const int LabelMaxLength = 48;

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
        var prompt = trackedSession.Activity.PromptAt(step);
        var themes = prompt.ThemesFrom is { } from
            ? (await ViewAsync(trackedSession, from, cancellationToken)).Ranked.Select(t => t.Theme.Name).ToList()
            : [];
        var votes = await db.Responses.CountAsync(r => r.SessionId == trackedSession.Id && r.Step == step, cancellationToken);
        trackedSession.OpenVote(step, themes, votes);
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

/// <summary>The themes an earlier step hands on to this one, with where they came from and a heading saying so.</summary>
public sealed record StepContext(int FromStep, Prompt From, IReadOnlyList<string> Themes, string Heading);
