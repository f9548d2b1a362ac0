using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

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

        var refused = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, Answer.FromText("Late"), null, TestClock.Now));
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
        var other = session.Join(null, TestClock.Now);
        var theirs = session.Answer(participant, 0, Answer.FromText("Mine"), null, TestClock.Now);
        var notTheirs = session.Answer(other, 0, Answer.FromText("Someone else's"), null, TestClock.Now);

        var gone = session.Remove(participant, [theirs, notTheirs]);

        Assert.True(participant.IsRemoved);
        Assert.Equal([theirs], gone);
        Assert.Equal(AnswerRefusal.Removed, session.RefusalFor(participant, 0));
        var refused = Assert.Throws<AnswerRefusedException>(() => session.Answer(participant, 0, Answer.FromText("Still here"), null, TestClock.Now));
        Assert.Contains("removed you", refused.Message);
    }

    [Fact]
    public void Withdrawing_takes_only_the_participants_own_answers_and_is_refused_once_the_session_closed()
    {
        var session = _sessions.OnStep(0);
        var participant = session.Join(null, TestClock.Now);
        var other = session.Join(null, TestClock.Now);
        var theirs = session.Answer(participant, 0, Answer.FromText("Mine"), null, TestClock.Now);
        var notTheirs = session.Answer(other, 0, Answer.FromText("Someone else's"), null, TestClock.Now);

        Assert.Equal([theirs], session.Withdraw(participant, [theirs, notTheirs]));
        Assert.False(participant.IsRemoved);

        session.Close(TestClock.Now);
        var refused = Assert.Throws<DomainException>(() => session.Withdraw(participant, [theirs]));
        Assert.Contains("closed", refused.Message);
    }

    [Fact]
    public void Every_reason_an_answer_is_refused_comes_from_one_place_and_an_accepted_answer_is_checked_once()
    {
        var session = _sessions.InLobby();
        var participant = session.Join(null, TestClock.Now);
        Assert.Equal(AnswerRefusal.NotStarted, session.RefusalFor(participant, 0));

        session.Start(TestClock.Now);
        Assert.Null(session.RefusalFor(participant, 0));
        Assert.Equal(AnswerRefusal.NoSuchStep, session.RefusalFor(participant, 99));
        Assert.Equal(AnswerRefusal.OtherStep, session.RefusalFor(participant, 1));
        session.LockAnswers();
        Assert.Equal(AnswerRefusal.Locked, session.RefusalFor(participant, 0));
        Assert.False(session.IsStepOpenFor(participant, 0));
        session.UnlockAnswers();

        var invalid = Assert.Throws<AnswerProblemsException>(() => session.Accept(participant, 0, Answer.FromText("   ")));
        Assert.NotEmpty(invalid.Problems);
        var accepted = session.Accept(participant, 0, Answer.FromText("  In time  "));
        var stored = session.Record(accepted, null, TestClock.Now);
        Assert.Equal("In time", stored.Items.Single().Text);

        session.Close(TestClock.Now);
        Assert.Equal(AnswerRefusal.Closed, session.RefusalFor(participant, 0));
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
    public void In_a_self_paced_session_each_participant_moves_and_answers_on_their_own_step()
    {
        var session = Session.Create(TestActivities.OneOfEachKind(), SessionBuilder.JoinCode, Anonymity.Anonymous, SessionBuilder.SpaceId, SessionBuilder.FacilitatorId, TestClock.Now, Pacing.SelfPaced);
        session.Start(TestClock.Now);
        var ahead = session.Join(null, TestClock.Now);
        var behind = session.Join(null, TestClock.Now);

        session.MoveParticipant(ahead, 0, +1);
        var answer = session.Answer(ahead, 1, new Answer([new AnswerPart(0, "Trust"), new AnswerPart(1, "Time")]), null, TestClock.Now);

        Assert.Equal((1, 0), (session.StepFor(ahead), session.StepFor(behind)));
        Assert.Equal(1, answer.Step);
        Assert.True(session.IsStepOpenFor(behind, 0));
        Assert.False(session.IsStepOpenFor(behind, 1));
    }

    [Fact]
    public void In_a_self_paced_session_the_facilitator_does_not_move_the_room_and_a_stale_move_is_refused()
    {
        var session = Session.Create(TestActivities.OneOfEachKind(), SessionBuilder.JoinCode, Anonymity.Anonymous, SessionBuilder.SpaceId, SessionBuilder.FacilitatorId, TestClock.Now, Pacing.SelfPaced);
        session.Start(TestClock.Now);
        var participant = session.Join(null, TestClock.Now);
        session.MoveParticipant(participant, 0, +1);

        Assert.Throws<DomainException>(() => session.Advance(0));
        var stale = Assert.Throws<DomainException>(() => session.MoveParticipant(participant, 0, +1));
        Assert.Contains("already on step 2", stale.Message);
        Assert.Equal(1, participant.Step);
    }

    [Fact]
    public void In_a_facilitated_session_participants_cannot_move_themselves()
    {
        var session = _sessions.OnStep(0);
        var participant = session.Join(null, TestClock.Now);

        Assert.Throws<DomainException>(() => session.MoveParticipant(participant, 0, +1));
        Assert.Equal(0, session.StepFor(participant));
    }
}
