using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Tests.Themes;

/// <summary>Drafts the facilitator accepts or dismisses, confirming suggestions, and the room placing its own cards.</summary>
public sealed class DraftsAndRoomSortingTests
{
    private static readonly CardKey A = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"), 0);
    private static readonly CardKey B = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"), 0);
    private static readonly CardKey C = new(Guid.Parse("00000000-0000-0000-0000-00000000000c"), 1);

    private readonly ThemeBoard _board = ThemeBoard.Create(Guid.NewGuid(), 0, TestClock.Now);

    [Fact]
    public void Drafts_are_not_themes_until_accepted_and_take_only_unthemed_cards()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now);

        var drafts = _board.SetDrafts([("Roles", [A, B, C])], TestClock.Now);

        Assert.Equal([B, C], drafts.Single().Cards);
        Assert.Equal(["Trust"], _board.Themes.Select(t => t.Name));
        Assert.Null(_board.ThemeOf(B));
    }

    [Fact]
    public void Accepting_a_draft_under_a_new_name_makes_a_theme_with_its_cards_still_loose()
    {
        var draft = _board.SetDrafts([("roles · clear", [A, B])], TestClock.Now).Single();
        var other = _board.AddTheme("Other", TestClock.Now);
        _board.Move(B, null, other.Id, TestClock.Now);

        var theme = _board.AcceptDraft(draft.Id, "Clear roles", TestClock.Now);

        Assert.Equal("Clear roles", theme.Name);
        Assert.Equal([A], theme.Cards);
        Assert.Equal(other.Id, _board.ThemeOf(B)!.Id);
        Assert.Empty(_board.Drafts);
    }

    [Fact]
    public void A_draft_accepted_or_dismissed_twice_is_refused_plainly()
    {
        var draft = _board.SetDrafts([("Roles", [A])], TestClock.Now).Single();
        _board.DismissDraft(draft.Id, TestClock.Now);

        Assert.Throws<ThemeConflictException>(() => _board.AcceptDraft(draft.Id, "Roles", TestClock.Now));
        Assert.Throws<ThemeConflictException>(() => _board.DismissDraft(draft.Id, TestClock.Now));
    }

    [Fact]
    public void Confirming_places_only_cards_nobody_placed_meanwhile()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var roles = _board.AddTheme("Roles", TestClock.Now);
        _board.Move(B, null, roles.Id, TestClock.Now);

        var placed = _board.Confirm(trust.Id, [A, B, C], TestClock.Now);

        Assert.Equal(2, placed);
        Assert.Equal([A, C], _board.Find(trust.Id)!.Cards);
        Assert.Equal([B], _board.Find(roles.Id)!.Cards);
    }

    [Fact]
    public void A_participant_places_and_moves_their_card_until_a_facilitator_moves_it()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var roles = _board.AddTheme("Roles", TestClock.Now);

        Assert.True(_board.PlaceFromRoom(A, trust.Id, TestClock.Now));
        Assert.True(_board.IsRoomPlaced(A));
        Assert.True(_board.PlaceFromRoom(A, roles.Id, TestClock.Now));
        Assert.Equal(roles.Id, _board.ThemeOf(A)!.Id);

        _board.Move(A, roles.Id, trust.Id, TestClock.Now);

        Assert.False(_board.IsRoomPlaced(A));
        Assert.False(_board.PlaceFromRoom(A, roles.Id, TestClock.Now));
        Assert.Equal(trust.Id, _board.ThemeOf(A)!.Id);
    }

    [Fact]
    public void A_card_a_facilitator_placed_first_is_never_moved_by_the_room()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var roles = _board.AddTheme("Roles", TestClock.Now);
        _board.Confirm(trust.Id, [B], TestClock.Now);

        Assert.False(_board.PlaceFromRoom(B, roles.Id, TestClock.Now));
        Assert.False(_board.PlaceFromRoom(B, null, TestClock.Now));
        Assert.Equal(trust.Id, _board.ThemeOf(B)!.Id);
    }

    [Fact]
    public void None_of_these_takes_a_participants_card_back_out()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.PlaceFromRoom(C, trust.Id, TestClock.Now);

        Assert.True(_board.PlaceFromRoom(C, null, TestClock.Now));

        Assert.Null(_board.ThemeOf(C));
        Assert.False(_board.IsRoomPlaced(C));
    }
}
