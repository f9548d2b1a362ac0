using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Tests.Themes;

public sealed class ThemeBoardTests
{
    private static readonly CardKey A = new(Guid.Parse("00000000-0000-0000-0000-00000000000a"), 0);
    private static readonly CardKey B = new(Guid.Parse("00000000-0000-0000-0000-00000000000b"), 0);
    private static readonly CardKey C = new(Guid.Parse("00000000-0000-0000-0000-00000000000c"), 1);

    private readonly ThemeBoard _board = ThemeBoard.Create(Guid.NewGuid(), 2, TestClock.Now);

    private Theme Named(string name) => _board.Themes.Single(t => t.Name == name);

    [Fact]
    public void A_new_board_has_no_themes_and_every_card_is_unthemed()
    {
        Assert.Empty(_board.Themes);
        Assert.Null(_board.ThemeOf(A));
        Assert.Equal(0, _board.Version);
    }

    [Fact]
    public void Adding_a_theme_makes_it_empty_at_the_end_and_counts_an_edit()
    {
        _board.AddTheme("Trust", TestClock.Now);
        _board.AddTheme("  Clear roles  ", TestClock.Now);

        Assert.Equal(["Trust", "Clear roles"], _board.Themes.Select(t => t.Name));
        Assert.All(_board.Themes, t => Assert.Empty(t.Cards));
        Assert.Equal(2, _board.Version);
    }

    [Theory]
    [InlineData("", "Give the theme a name")]
    [InlineData("   ", "Give the theme a name")]
    [InlineData("trust", "There is already a theme called “trust”")]
    public void A_theme_needs_a_name_of_its_own(string name, string message)
    {
        _board.AddTheme("Trust", TestClock.Now);

        var refused = Assert.Throws<DomainException>(() => _board.AddTheme(name, TestClock.Now));

        Assert.StartsWith(message, refused.Message);
        Assert.Single(_board.Themes);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_refused_with_its_length()
    {
        var refused = Assert.Throws<DomainException>(() => _board.AddTheme(new string('x', 81), TestClock.Now));

        Assert.Contains("80 characters; this one has 81", refused.Message);
    }

    [Fact]
    public void Moving_a_card_puts_it_in_exactly_one_theme()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var roles = _board.AddTheme("Roles", TestClock.Now);

        _board.Move(A, null, trust.Id, TestClock.Now);
        _board.Move(A, trust.Id, roles.Id, TestClock.Now);

        Assert.Empty(Named("Trust").Cards);
        Assert.Equal([A], Named("Roles").Cards);
        Assert.Equal(roles.Id, _board.ThemeOf(A)!.Id);
    }

    [Fact]
    public void Moving_a_card_to_no_theme_leaves_it_unthemed()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now);

        _board.Move(A, trust.Id, null, TestClock.Now);

        Assert.Null(_board.ThemeOf(A));
        Assert.Empty(Named("Trust").Cards);
    }

    [Fact]
    public void A_move_based_on_an_old_view_of_the_card_is_a_conflict_and_changes_nothing()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var roles = _board.AddTheme("Roles", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now); // the other facilitator moved it first
        var version = _board.Version;

        var conflict = Assert.Throws<ThemeConflictException>(() => _board.Move(A, null, roles.Id, TestClock.Now));

        Assert.Contains("moved that card to “Trust”", conflict.Message);
        Assert.Equal(trust.Id, _board.ThemeOf(A)!.Id);
        Assert.Equal(version, _board.Version);
    }

    [Fact]
    public void Renaming_needs_the_name_the_editor_saw()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.Rename(trust.Id, "Trust", "Trust and reliability", TestClock.Now);

        var conflict = Assert.Throws<ThemeConflictException>(() => _board.Rename(trust.Id, "Trust", "Counting on each other", TestClock.Now));

        Assert.Equal("Trust and reliability", _board.Themes.Single().Name);
        Assert.Contains("renamed this theme to “Trust and reliability”", conflict.Message);
        Assert.Contains("“Counting on each other” was not saved", conflict.Message);
    }

    [Fact]
    public void Merging_moves_every_card_into_the_target_and_removes_the_source()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var reliable = _board.AddTheme("Reliable", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now);
        _board.Move(B, null, reliable.Id, TestClock.Now);
        _board.Move(C, null, reliable.Id, TestClock.Now);

        _board.Merge(reliable.Id, trust.Id, TestClock.Now);

        var merged = Assert.Single(_board.Themes);
        Assert.Equal("Trust", merged.Name);
        Assert.Equal([A, B, C], merged.Cards);
    }

    [Fact]
    public void Merging_a_theme_that_another_facilitator_deleted_is_a_conflict()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var reliable = _board.AddTheme("Reliable", TestClock.Now);
        _board.Delete(reliable.Id, TestClock.Now);

        var conflict = Assert.Throws<ThemeConflictException>(() => _board.Merge(reliable.Id, trust.Id, TestClock.Now));

        Assert.Contains("no longer on the board", conflict.Message);
        Assert.Single(_board.Themes);
    }

    [Fact]
    public void A_theme_cannot_be_merged_into_itself()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);

        Assert.Throws<DomainException>(() => _board.Merge(trust.Id, trust.Id, TestClock.Now));
        Assert.Single(_board.Themes);
    }

    [Fact]
    public void Splitting_takes_the_ticked_cards_into_a_new_theme_right_after()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.AddTheme("Roles", TestClock.Now);
        foreach (var card in new[] { A, B, C })
        {
            _board.Move(card, null, trust.Id, TestClock.Now);
        }

        _board.Split(trust.Id, [C, B], "Honesty", TestClock.Now);

        Assert.Equal(["Trust", "Honesty", "Roles"], _board.Themes.Select(t => t.Name));
        Assert.Equal([A], Named("Trust").Cards);
        Assert.Equal([B, C], Named("Honesty").Cards);
    }

    [Fact]
    public void A_split_must_leave_a_card_behind_and_take_at_least_one()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now);
        _board.Move(B, null, trust.Id, TestClock.Now);

        Assert.Throws<DomainException>(() => _board.Split(trust.Id, [A, B], "All of it", TestClock.Now));
        Assert.Throws<DomainException>(() => _board.Split(trust.Id, [], "Nothing", TestClock.Now));
        Assert.Single(_board.Themes);
    }

    [Fact]
    public void Splitting_with_a_card_that_is_no_longer_in_the_theme_is_a_conflict()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var roles = _board.AddTheme("Roles", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now);
        _board.Move(B, null, roles.Id, TestClock.Now);

        var conflict = Assert.Throws<ThemeConflictException>(() => _board.Split(trust.Id, [B], "Honesty", TestClock.Now));

        Assert.Contains("moved to “Roles”", conflict.Message);
        Assert.Equal(2, _board.Themes.Count);
    }

    [Fact]
    public void Deleting_a_theme_leaves_its_cards_unthemed()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        _board.Move(A, null, trust.Id, TestClock.Now);

        _board.Delete(trust.Id, TestClock.Now);

        Assert.Empty(_board.Themes);
        Assert.Null(_board.ThemeOf(A));
    }

    [Fact]
    public void Suggestions_only_take_unthemed_cards_and_never_touch_the_facilitators_themes()
    {
        var mine = _board.AddTheme("Trust", TestClock.Now);
        _board.Move(A, null, mine.Id, TestClock.Now);

        var added = _board.AddThemes(
            [("trust · reliable", [A, B]), ("Trust", [C]), ("roles", [A])],
            TestClock.Now);

        Assert.Equal(["Trust", "trust · reliable", "Trust (2)"], _board.Themes.Select(t => t.Name));
        Assert.Equal([A], Named("Trust").Cards);
        Assert.Equal([B], Named("trust · reliable").Cards);
        Assert.Equal([C], Named("Trust (2)").Cards);
        Assert.Equal(2, added.Count);
    }

    [Fact]
    public void Each_edit_replaces_the_themes_so_a_saved_copy_is_never_changed_underneath()
    {
        var trust = _board.AddTheme("Trust", TestClock.Now);
        var before = _board.Themes;

        _board.Move(A, null, trust.Id, TestClock.Now);

        Assert.NotSame(before, _board.Themes);
        Assert.Empty(before.Single().Cards);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000a-0", true)]
    [InlineData("0000000000000000000000000000000a-12", true)]
    [InlineData("0000000000000000000000000000000a", false)]
    [InlineData("0000000000000000000000000000000a--1", false)]
    [InlineData("not-a-card", false)]
    [InlineData("", false)]
    public void A_card_key_reads_back_from_its_form_value(string text, bool valid)
    {
        Assert.Equal(valid, CardKey.TryParse(text, out var key));
        if (valid)
        {
            Assert.Equal(text, key.ToString());
        }
    }
}
