using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Themes;

/// <summary>
/// A theme with the cards it holds now. For compare prompts, <see cref="Left"/> and
/// <see cref="Right"/> count its cards per side, and <see cref="Distinction"/> says how strongly it
/// sets the two sides apart: its share of the left side's cards minus its share of the right side's
/// (positive: a mark of the left side; negative: of the right).
/// </summary>
public sealed record ThemeView(Theme Theme, IReadOnlyList<Card> Cards, int Left, int Right, double Distinction, IReadOnlyList<Card> Quotes)
{
    public int Count => Cards.Count;

    public CardSide Marks => Distinction > 0 ? CardSide.Left : Distinction < 0 ? CardSide.Right : CardSide.None;
}

/// <summary>
/// A step's board as the facilitator and the projector read it: themes with their current cards,
/// the unthemed rest, and the rankings. Placements of answers that were withdrawn or changed are
/// simply not shown.
/// </summary>
public sealed record BoardView(Prompt Prompt, IReadOnlyList<ThemeView> Themes, IReadOnlyList<Card> Unthemed, int TotalLeft, int TotalRight)
{
    /// <summary>Draft themes waiting for the facilitator, with their cards that are still unthemed. Never counted as themes.</summary>
    public IReadOnlyList<ThemeView> Drafts { get; init; } = [];

    /// <summary>Cards a participant placed while the room sorted (no facilitator has moved them since).</summary>
    public IReadOnlySet<CardKey> RoomPlaced { get; init; } = new HashSet<CardKey>();

    /// <summary>Unthemed cards in no draft either: the ones still waiting for a place.</summary>
    public IReadOnlyList<Card> Loose => Drafts.Count == 0
        ? Unthemed
        : Unthemed.Except(Drafts.SelectMany(d => d.Cards)).ToList();

    public const int QuotesPerTheme = 3;

    public int CardCount => Themes.Sum(t => t.Count) + Unthemed.Count;

    public bool IsCompare => Prompt.Kind == PromptKind.Compare;

    /// <summary>Themes with cards, largest first (ties keep the board's order).</summary>
    public IReadOnlyList<ThemeView> Ranked => Themes.Where(t => t.Count > 0).OrderByDescending(t => t.Count).ToList();

    /// <summary>Compare prompts: themes by how strongly they set the sides apart, strongest first.</summary>
    public IReadOnlyList<ThemeView> SetApart => Themes
        .Where(t => t.Count > 0)
        .OrderByDescending(t => Math.Abs(t.Distinction))
        .ThenByDescending(t => t.Count)
        .ToList();

    /// <summary>A step's board over its answers as they are now: the one way the board page and the summary read it.</summary>
    public static BoardView Of(Prompt prompt, ThemeBoard? board, IEnumerable<Response> answersToStep) =>
        Build(prompt, board, Card.From(prompt, answersToStep));

    public static BoardView Build(Prompt prompt, ThemeBoard? board, IReadOnlyList<Card> cards)
    {
        var byKey = cards.ToDictionary(c => c.Key);
        var totalLeft = cards.Count(c => c.Side == CardSide.Left);
        var totalRight = cards.Count(c => c.Side == CardSide.Right);
        var themes = (board?.Themes ?? [])
            .Select(theme =>
            {
                var held = theme.Cards.Where(byKey.ContainsKey).Select(k => byKey[k]).ToList();
                var left = held.Count(c => c.Side == CardSide.Left);
                var right = held.Count(c => c.Side == CardSide.Right);
                var distinction = (totalLeft == 0 ? 0 : (double)left / totalLeft) - (totalRight == 0 ? 0 : (double)right / totalRight);
                return new ThemeView(theme, held, left, right, distinction, Representative(held));
            })
            .ToList();
        var themed = themes.SelectMany(t => t.Cards).Select(c => c.Key).ToHashSet();
        var unthemed = cards.Where(c => !themed.Contains(c.Key)).ToList();
        var drafts = (board?.Drafts ?? [])
            .Select(draft => draft.Cards.Where(k => byKey.ContainsKey(k) && !themed.Contains(k)).Select(k => byKey[k]).ToList() is { Count: > 0 } held
                ? new ThemeView(draft, held, 0, 0, 0, Representative(held))
                : null)
            .OfType<ThemeView>()
            .ToList();
        return new BoardView(prompt, themes, unthemed, totalLeft, totalRight) { Drafts = drafts, RoomPlaced = (board?.RoomPlaced ?? []).ToHashSet() };
    }

    /// <summary>
    /// The cards that say most what the theme's cards say together: those sharing the most words with
    /// the others, each wording once. Ties keep the order the answers arrived in.
    /// </summary>
    public static IReadOnlyList<Card> Representative(IReadOnlyList<Card> cards)
    {
        // A card's score is the words it shares with each other card, summed. Counting in how many cards
        // each word appears gives the same sum in one pass: comparing every pair took minutes for a theme
        // of 20,000 cards (issue 18).
        var words = cards.Select(c => Words(c.Text)).ToList();
        var cardsWith = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words.SelectMany(w => w))
        {
            cardsWith[word] = cardsWith.GetValueOrDefault(word) + 1;
        }

        // The same words twice ("Clear roles", "clear roles") make one quote.
        return cards
            .Select((card, i) => (card, i, score: words[i].Sum(word => cardsWith[word] - 1)))
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.i)
            .DistinctBy(x => x.card.Text.Trim().ToLowerInvariant())
            .Take(QuotesPerTheme)
            .OrderBy(x => x.i)
            .Select(x => x.card)
            .ToList();
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant()
            .Split((char[])[' ', '\n', '\t', ',', '.', ';', ':', '!', '?', '(', ')', '"', '“', '”', '—', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3)
            .ToHashSet();
}
