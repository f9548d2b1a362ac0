using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

/// <summary>Asking the room to sort its own cards: a moment inside the current step.</summary>
public sealed class RoomSortingTests
{
    private readonly SessionBuilder _sessions = new();

    /// <summary>The step's board with <paramref name="themes"/> named themes.</summary>
    private static ThemeBoard Named(Session session, int step, int themes)
    {
        var board = ThemeBoard.Create(session.Id, step, TestClock.Now);
        for (var i = 0; i < themes; i++)
        {
            board.AddTheme($"Theme {i + 1}", TestClock.Now);
        }

        return board;
    }

    [Fact]
    public void The_room_sorts_the_current_steps_cards_and_moving_on_ends_it()
    {
        var session = _sessions.OnStep(0);

        session.StartRoomSorting(0, Named(session, 0, 2));

        Assert.True(session.IsRoomSorting(0));
        Assert.False(session.IsRoomSorting(1));
        session.Advance(0);
        Assert.False(session.RoomSorting);
    }

    [Fact]
    public void Sorting_needs_a_named_theme_a_themeable_step_and_the_step_the_room_is_on()
    {
        var session = _sessions.OnStep(3);

        var first = _sessions.OnStep(0);
        Assert.Contains("Name at least one theme", Assert.Throws<DomainException>(() => first.StartRoomSorting(0, Named(first, 0, 0))).Message);
        Assert.Contains("cannot be sorted", Assert.Throws<DomainException>(() => session.StartRoomSorting(3, Named(session, 3, 1))).Message);
        Assert.Contains("step 4", Assert.Throws<DomainException>(() => session.StartRoomSorting(4, Named(session, 4, 1))).Message);
        Assert.Contains("Name at least one theme", Assert.Throws<DomainException>(() => _sessions.OnStep(0).StartRoomSorting(0, null)).Message);
        var elsewhere = _sessions.OnStep(0);
        Assert.Throws<ArgumentException>(() => elsewhere.StartRoomSorting(0, Named(session, 0, 2)));
        Assert.False(session.RoomSorting);
    }

    [Fact]
    public void A_later_step_can_sort_the_cards_of_an_earlier_one_until_the_room_moves_on()
    {
        var session = _sessions.OnStep(2);

        session.StartRoomSorting(1, Named(session, 1, 1));

        Assert.True(session.IsRoomSorting(1));
        session.Advance(2);
        Assert.False(session.IsRoomSorting(1));
    }

    [Fact]
    public void Stopping_ends_the_sorting_and_a_closed_session_does_not_sort()
    {
        var session = _sessions.OnStep(0);
        session.StartRoomSorting(0, Named(session, 0, 1));

        session.StopRoomSorting();
        Assert.False(session.IsRoomSorting(0));

        session.StartRoomSorting(0, Named(session, 0, 1));
        session.Close(TestClock.MinutesLater(5));
        Assert.False(session.IsRoomSorting(0));
    }
}
