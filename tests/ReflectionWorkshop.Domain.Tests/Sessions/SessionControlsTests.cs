using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

public sealed class SessionControlsTests
{
    private readonly SessionBuilder _sessions = new();

    [Fact]
    public void A_timer_runs_for_its_duration_and_gains_a_minute_at_a_time()
    {
        var session = _sessions.OnStep(0);

        session.StartTimer(TimeSpan.FromMinutes(3), TestClock.Now);
        session.AddMinute(TestClock.MinutesLater(1));

        Assert.Equal(TestClock.MinutesLater(4), session.TimerEndsAt);
    }

    [Fact]
    public void Adding_a_minute_with_no_timer_running_starts_a_one_minute_timer()
    {
        var session = _sessions.OnStep(0);

        session.AddMinute(TestClock.MinutesLater(2));

        Assert.Equal(TestClock.MinutesLater(3), session.TimerEndsAt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void A_timer_outside_one_to_sixty_minutes_is_refused(int minutes)
    {
        var session = _sessions.OnStep(0);

        Assert.Throws<DomainException>(() => session.StartTimer(TimeSpan.FromMinutes(minutes), TestClock.Now));
        Assert.Null(session.TimerEndsAt);
    }

    [Fact]
    public void Moving_to_another_step_clears_the_timer_the_lock_and_the_reveal()
    {
        var session = _sessions.OnStep(0);
        session.StartTimer(TimeSpan.FromMinutes(2), TestClock.Now);
        session.LockAnswers();
        session.RevealAnswers();

        session.Advance(0);

        Assert.Equal((null, false, false), (session.TimerEndsAt, session.AnswersLocked, session.AnswersRevealed));
    }

    [Fact]
    public void A_locked_step_takes_no_answers_until_it_is_unlocked()
    {
        var session = _sessions.OnStep(0);
        var participant = session.Join(null, TestClock.Now);
        session.LockAnswers();

        var refused = Assert.Throws<DomainException>(() => session.Answer(participant, 0, Answer.FromText("Late"), null, TestClock.Now));
        session.UnlockAnswers();
        var accepted = session.Answer(participant, 0, Answer.FromText("In time"), null, TestClock.Now);

        Assert.Contains("locked", refused.Message);
        Assert.True(session.IsStepOpen(0));
        Assert.Equal("In time", accepted.Items.Single().Text);
    }

    [Fact]
    public void A_removed_participant_can_no_longer_answer()
    {
        var session = _sessions.OnStep(0);
        var participant = session.Join(null, TestClock.Now);

        session.Remove(participant);

        Assert.True(participant.IsRemoved);
        var refused = Assert.Throws<DomainException>(() => session.Answer(participant, 0, Answer.FromText("Still here"), null, TestClock.Now));
        Assert.Contains("removed you", refused.Message);
    }

    [Fact]
    public void Timers_locks_and_reveals_need_a_running_session()
    {
        var lobby = _sessions.InLobby();

        Assert.Throws<DomainException>(() => lobby.StartTimer(TimeSpan.FromMinutes(1), TestClock.Now));
        Assert.Throws<DomainException>(() => lobby.LockAnswers());
        Assert.Throws<DomainException>(() => lobby.RevealAnswers());
    }

    [Fact]
    public void The_word_view_counts_each_word_once_per_answer_and_skips_common_words()
    {
        var top = WordFrequency.Top(["Trust and trust and TRUST", "We built trust", "Shared goals", "shared goals matter", "the the the"], 5);

        Assert.Equal([("goals", 2), ("shared", 2), ("trust", 2)], top);
    }

}
