using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Resources;

namespace ReflectionWorkshop.Domain.Themes;

/// <summary>A named group of cards on a board.</summary>
public sealed record Theme(Guid Id, string Name, IReadOnlyList<CardKey> Cards);

/// <summary>
/// How the facilitator sorted one step's answers into themes. Every edit is a small command that
/// states what the editor saw (the theme's name, the card's theme): when the board changed in between,
/// the edit is refused with a <see cref="ThemeConflictException"/> instead of overwriting someone
/// else's work. <see cref="Version"/> counts edits and guards the saved row against two edits racing.
/// A card in no theme is "unthemed"; cards themselves live in the responses, not here.
/// </summary>
public sealed class ThemeBoard
{
    private ThemeBoard()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionId { get; private set; }

    /// <summary>Zero-based step whose answers are on this board.</summary>
    public int Step { get; private set; }

    /// <summary>Themes in the order the facilitator sees them. Replaced (never mutated) by each edit.</summary>
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    /// <summary>Goes up by one with every edit; the database refuses a save based on an older version.</summary>
    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// Draft themes the engine proposed, waiting for the facilitator to accept, rename or dismiss each.
    /// Drafts are never counted, voted on or shown to the room; their cards are still unthemed.
    /// </summary>
    public IReadOnlyList<Theme> Drafts { get; private set; } = [];

    /// <summary>Cards a participant placed while the room sorted, until a facilitator moves them (a facilitator's move wins).</summary>
    public IReadOnlyList<CardKey> RoomPlaced { get; private set; } = [];

    public static ThemeBoard Create(Guid sessionId, int step, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), SessionId = sessionId, Step = step, UpdatedAt = now };

    public Theme? Find(Guid themeId) => Themes.FirstOrDefault(t => t.Id == themeId);

    /// <summary>The theme a card is in, or null when it is unthemed.</summary>
    public Theme? ThemeOf(CardKey card) => Themes.FirstOrDefault(t => t.Cards.Contains(card));

    /// <summary>Makes an empty theme at the end of the board.</summary>
    public Theme AddTheme(string name, DateTimeOffset now)
    {
        var theme = new Theme(Guid.NewGuid(), CheckName(name, null), []);
        CheckRoom(Themes.Count + 1);
        Change([.. Themes, theme], now);
        return theme;
    }

    /// <summary>Renames a theme; <paramref name="expectedName"/> is the name the editor saw.</summary>
    public void Rename(Guid themeId, string expectedName, string newName, DateTimeOffset now)
    {
        var theme = Existing(themeId);
        var name = CheckName(newName, themeId);
        if (theme.Name != expectedName.Trim())
        {
            throw new ThemeConflictException(DomainText.Format("Theme.RenamedMeanwhile", theme.Name, name));
        }

        Change(Themes.Select(t => t.Id == themeId ? t with { Name = name } : t), now);
    }

    /// <summary>
    /// Moves a card into a theme (or out of every theme, with <paramref name="to"/> null).
    /// <paramref name="expectedFrom"/> is the theme the editor saw the card in.
    /// </summary>
    public void Move(CardKey card, Guid? expectedFrom, Guid? to, DateTimeOffset now)
    {
        var current = ThemeOf(card);
        if (current?.Id != expectedFrom)
        {
            throw new ThemeConflictException(current is null
                ? DomainText.Get("Theme.CardUnthemedMeanwhile")
                : DomainText.Format("Theme.CardMovedMeanwhile", current.Name));
        }

        if (to is { } target)
        {
            Existing(target);
        }

        // A person at the board moved it: from now on it is theirs, not the room's (their move wins).
        RoomPlaced = RoomPlaced.Where(c => c != card).ToList();
        if (current?.Id == to)
        {
            Touch(now);
            return;
        }

        Change(
            Themes.Select(t => t.Id == to
                ? t with { Cards = [.. t.Cards, card] }
                : t with { Cards = t.Cards.Where(c => c != card).ToList() }),
            now);
    }

    /// <summary>Puts every card of <paramref name="sourceId"/> into <paramref name="targetId"/> and removes the source theme.</summary>
    public void Merge(Guid sourceId, Guid targetId, DateTimeOffset now)
    {
        if (sourceId == targetId)
        {
            throw new DomainException(DomainText.Get("Theme.MergeSame"));
        }

        var source = Existing(sourceId);
        Existing(targetId);
        Change(
            Themes.Where(t => t.Id != sourceId)
                .Select(t => t.Id == targetId ? t with { Cards = [.. t.Cards, .. source.Cards] } : t),
            now);
    }

    /// <summary>Takes the chosen cards of a theme into a new theme placed right after it.</summary>
    public Theme Split(Guid themeId, IReadOnlyCollection<CardKey> cards, string newName, DateTimeOffset now)
    {
        var theme = Existing(themeId);
        var name = CheckName(newName, null);
        if (cards.Count == 0)
        {
            throw new DomainException(DomainText.Get("Theme.SplitNoCards"));
        }

        var held = theme.Cards.ToHashSet();
        var stray = cards.Where(c => !held.Contains(c)).ToList();
        if (stray.Count > 0)
        {
            var elsewhere = ThemeOf(stray[0]);
            throw new ThemeConflictException(elsewhere is null
                ? DomainText.Get("Theme.SplitCardUnthemedMeanwhile")
                : DomainText.Format("Theme.SplitCardMovedMeanwhile", elsewhere.Name));
        }

        if (cards.Distinct().Count() == theme.Cards.Count)
        {
            throw new DomainException(DomainText.Get("Theme.SplitAll"));
        }

        CheckRoom(Themes.Count + 1);
        var chosen = cards.ToHashSet();
        var split = new Theme(Guid.NewGuid(), name, theme.Cards.Where(chosen.Contains).ToList());
        var themes = new List<Theme>();
        foreach (var t in Themes)
        {
            if (t.Id == themeId)
            {
                themes.Add(t with { Cards = t.Cards.Where(c => !chosen.Contains(c)).ToList() });
                themes.Add(split);
            }
            else
            {
                themes.Add(t);
            }
        }

        Change(themes, now);
        return split;
    }

    /// <summary>Removes a theme; its cards become unthemed (no answer is ever deleted from a board).</summary>
    public void Delete(Guid themeId, DateTimeOffset now)
    {
        Existing(themeId);
        Change(Themes.Where(t => t.Id != themeId), now);
    }

    /// <summary>
    /// Adds whole themes (an imported archive's, a test's) for cards that are still unthemed; existing
    /// themes and placements are never touched. Themes left with no unthemed card are skipped, and a
    /// name that is taken gets a number. Returns the themes added.
    /// </summary>
    public IReadOnlyList<Theme> AddThemes(IEnumerable<(string Name, IReadOnlyList<CardKey> Cards)> themes, DateTimeOffset now)
    {
        var added = NewThemes(themes, roomFor: CheckRoom);
        if (added.Count > 0)
        {
            Change([.. Themes, .. added], now);
        }

        return added;
    }

    /// <summary>
    /// Replaces the draft themes with new ones for cards that are still unthemed; the facilitator's own
    /// themes and placements are never touched. Drafts left with no unthemed card are skipped, and a
    /// name that is taken gets a number. Returns the drafts kept.
    /// </summary>
    public IReadOnlyList<Theme> SetDrafts(IEnumerable<(string Name, IReadOnlyList<CardKey> Cards)> drafts, DateTimeOffset now)
    {
        Drafts = NewThemes(drafts, roomFor: null);
        Touch(now);
        return Drafts;
    }

    /// <summary>
    /// Themes made from groups of cards, each holding only its cards that no theme holds yet (a group left with none is
    /// skipped), each under a name no theme has (a number added when taken). <paramref name="roomFor"/> checks the
    /// board's limit on themes as each is added (null: drafts, which the limit does not count).
    /// </summary>
    private List<Theme> NewThemes(IEnumerable<(string Name, IReadOnlyList<CardKey> Cards)> groups, Action<int>? roomFor)
    {
        var placed = Themes.SelectMany(t => t.Cards).ToHashSet();
        var names = Names(Themes);
        var made = new List<Theme>();
        foreach (var (name, cards) in groups)
        {
            var free = cards.Where(placed.Add).ToList();
            if (free.Count == 0)
            {
                continue;
            }

            roomFor?.Invoke(Themes.Count + made.Count + 1);
            made.Add(new Theme(Guid.NewGuid(), UniqueName(name, names), free));
        }

        return made;
    }

    /// <summary>
    /// Makes a draft a theme under the name the facilitator gave it (its own, or a new one), holding
    /// the draft's cards that are still unthemed; cards placed meanwhile stay where a person put them.
    /// </summary>
    public Theme AcceptDraft(Guid draftId, string name, DateTimeOffset now)
    {
        var draft = Drafts.FirstOrDefault(d => d.Id == draftId) ?? throw new ThemeConflictException(DomainText.Get("Theme.DraftGone"));
        var placed = Themes.SelectMany(t => t.Cards).ToHashSet();
        var theme = new Theme(Guid.NewGuid(), CheckName(name, null), draft.Cards.Where(c => !placed.Contains(c)).ToList());
        CheckRoom(Themes.Count + 1);
        Drafts = Drafts.Where(d => d.Id != draftId).ToList();
        Change([.. Themes, theme], now);
        return theme;
    }

    /// <summary>Drops a draft; its cards stay unthemed.</summary>
    public void DismissDraft(Guid draftId, DateTimeOffset now)
    {
        if (Drafts.All(d => d.Id != draftId))
        {
            throw new ThemeConflictException(DomainText.Get("Theme.DraftGone"));
        }

        Drafts = Drafts.Where(d => d.Id != draftId).ToList();
        Touch(now);
    }

    /// <summary>
    /// Places the given cards in a theme, as a person confirming suggestions. Only cards that are
    /// still unthemed move: a card someone placed meanwhile stays where they put it. Returns how many moved.
    /// </summary>
    public int Confirm(Guid themeId, IReadOnlyCollection<CardKey> cards, DateTimeOffset now)
    {
        Existing(themeId);
        var placed = Themes.SelectMany(t => t.Cards).ToHashSet();
        var free = cards.Where(placed.Add).ToList();
        if (free.Count == 0)
        {
            return 0;
        }

        var confirmed = free.ToHashSet();
        RoomPlaced = RoomPlaced.Where(c => !confirmed.Contains(c)).ToList();
        Change(Themes.Select(t => t.Id == themeId ? t with { Cards = [.. t.Cards, .. free] } : t), now);
        return free.Count;
    }

    /// <summary>
    /// A participant sorting their own card while the room sorts: into a theme, or back out with
    /// <paramref name="to"/> null ("none of these"). A card a facilitator placed is theirs: the
    /// participant's choice is then not applied and this returns false.
    /// </summary>
    public bool PlaceFromRoom(CardKey card, Guid? to, DateTimeOffset now)
    {
        var current = ThemeOf(card);
        if (current is not null && !RoomPlaced.Contains(card))
        {
            return false;
        }

        if (to is { } target)
        {
            Existing(target);
        }

        RoomPlaced = to is null ? RoomPlaced.Where(c => c != card).ToList() : [.. RoomPlaced.Where(c => c != card), card];
        if (current?.Id == to)
        {
            Touch(now);
            return true;
        }

        Change(
            Themes.Select(t => t.Id == to
                ? t with { Cards = [.. t.Cards, card] }
                : t with { Cards = t.Cards.Where(c => c != card).ToList() }),
            now);
        return true;
    }

    /// <summary>Whether a participant placed this card (and no facilitator has moved it since).</summary>
    public bool IsRoomPlaced(CardKey card) => RoomPlaced.Contains(card);

    private static HashSet<string> Names(IEnumerable<Theme> themes) =>
        themes.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The suggested name, or with a number when it is taken; the name returned is then taken too.</summary>
    private static string UniqueName(string suggested, HashSet<string> taken)
    {
        var name = suggested.Trim() is { Length: > 0 } trimmed ? trimmed : "Theme";
        if (name.Length > AnswerLimits.ThemeNameMaxLength)
        {
            name = name[..AnswerLimits.ThemeNameMaxLength].TrimEnd();
        }

        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{name} ({n})";
        }

        return candidate;
    }

    /// <summary>
    /// A board holds at most <see cref="AnswerLimits.BoardMaxThemes"/> themes: more is no longer a
    /// summary a room can read, and every page showing the board grows with it (issue 18).
    /// </summary>
    private static void CheckRoom(int themes)
    {
        if (themes > AnswerLimits.BoardMaxThemes)
        {
            throw new DomainException(DomainText.Format("Theme.TooMany", AnswerLimits.BoardMaxThemes));
        }
    }

    private Theme Existing(Guid themeId) =>
        Find(themeId) ?? throw new ThemeConflictException(DomainText.Get("Theme.Gone"));

    private string CheckName(string name, Guid? renaming)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(DomainText.Get("Theme.NameRequired"));
        }

        if (trimmed.Length > AnswerLimits.ThemeNameMaxLength)
        {
            throw new DomainException(DomainText.Format("Theme.NameTooLong", AnswerLimits.ThemeNameMaxLength, trimmed.Length));
        }

        if (Themes.Any(t => t.Id != renaming && string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(DomainText.Format("Theme.NameTaken", trimmed));
        }

        return trimmed;
    }

    private void Change(IEnumerable<Theme> themes, DateTimeOffset now)
    {
        Themes = themes.ToList();
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
