using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly Answer GoodText = Answer.FromText("Listening first helps.");

    private readonly SessionBuilder _sessions = new();

    [Fact]
    public void A_new_session_waits_in_the_lobby_on_the_first_step()
    {
        var activity = TestActivities.OneOfEachKind();

        var session = Session.Create(activity, "ABC234", Anonymity.Named, SessionBuilder.SpaceId, SessionBuilder.FacilitatorId, TestClock.Now);

        Assert.Equal(SessionState.Lobby, session.State);
        Assert.Equal(0, session.CurrentStep);
        Assert.Equal("ABC234", session.JoinCode);
        Assert.Equal(Anonymity.Named, session.Anonymity);
        Assert.Same(activity, session.Activity);
        Assert.Equal(TestClock.Now, session.CreatedAt);
        Assert.Null(session.StartedAt);
        Assert.Null(session.ClosedAt);
        Assert.NotEqual(Guid.Empty, session.Id);
    }

    [Fact]
    public void Each_session_gets_its_own_id()
    {
        Assert.NotEqual(_sessions.InLobby().Id, _sessions.InLobby().Id);
    }

    [Fact]
    public void A_session_whose_activity_has_no_steps_cannot_be_created()
    {
        var error = Assert.Throws<DomainException>(() =>
            Session.Create(TestActivities.WithoutSteps(), "ABC234", Anonymity.Anonymous, SessionBuilder.SpaceId, SessionBuilder.FacilitatorId, TestClock.Now));

        Assert.Contains("at least one step", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABC23")]
    [InlineData("ABC2345")]
    [InlineData("ABC0EF")]
    [InlineData("abc234")]
    [InlineData("ABC-234")]
    public void A_session_with_an_invalid_join_code_cannot_be_created(string joinCode)
    {
        var error = Assert.Throws<DomainException>(() =>
            Session.Create(TestActivities.OneOfEachKind(), joinCode, Anonymity.Anonymous, SessionBuilder.SpaceId, SessionBuilder.FacilitatorId, TestClock.Now));

        Assert.Equal($"'{joinCode}' is not a valid join code.", error.Message);
    }

    [Fact]
    public void Starting_shows_the_first_step_to_the_room()
    {
        var session = _sessions.InLobby();

        session.Start(TestClock.MinutesLater(2));

        Assert.Equal(SessionState.Running, session.State);
        Assert.Equal(0, session.CurrentStep);
        Assert.Equal(TestClock.MinutesLater(2), session.StartedAt);
        Assert.Equal(PromptKind.Text, session.CurrentPrompt.Kind);
        Assert.True(session.IsStepOpen(0));
    }

    [Fact]
    public void Starting_twice_is_refused()
    {
        var session = _sessions.OnStep(2);

        var error = Assert.Throws<DomainException>(() => session.Start(TestClock.MinutesLater(5)));

        Assert.Equal("This session has already started.", error.Message);
        Assert.Equal(2, session.CurrentStep);
        Assert.Equal(TestClock.MinutesLater(1), session.StartedAt);
    }

    [Fact]
    public void Starting_a_closed_session_is_refused()
    {
        var session = _sessions.InLobby();
        session.Close(TestClock.MinutesLater(1));

        var error = Assert.Throws<DomainException>(() => session.Start(TestClock.MinutesLater(2)));

        Assert.Contains("closed", error.Message);
        Assert.Equal(SessionState.Closed, session.State);
    }

    [Fact]
    public void Advancing_moves_the_room_to_the_next_step()
    {
        var session = _sessions.OnStep(0);

        session.Advance(fromStep: 0);

        Assert.Equal(1, session.CurrentStep);
        Assert.Equal(PromptKind.List, session.CurrentPrompt.Kind);
        Assert.False(session.IsStepOpen(0));
        Assert.True(session.IsStepOpen(1));
    }

    [Fact]
    public void A_second_click_on_next_from_the_same_step_is_refused_and_skips_nothing()
    {
        var session = _sessions.OnStep(0);
        session.Advance(fromStep: 0);

        var error = Assert.Throws<DomainException>(() => session.Advance(fromStep: 0));

        Assert.Equal("The session is already on step 2; nothing was changed.", error.Message);
        Assert.Equal(1, session.CurrentStep);
    }

    [Fact]
    public void Going_back_from_a_stale_step_is_refused_and_changes_nothing()
    {
        var session = _sessions.OnStep(3);

        var error = Assert.Throws<DomainException>(() => session.GoBack(fromStep: 4));

        Assert.Contains("already on step 4", error.Message);
        Assert.Equal(3, session.CurrentStep);
    }

    [Fact]
    public void Going_back_returns_to_the_previous_step()
    {
        var session = _sessions.OnStep(2);

        session.GoBack(fromStep: 2);

        Assert.Equal(1, session.CurrentStep);
        Assert.Equal(SessionState.Running, session.State);
    }

    [Fact]
    public void A_one_step_session_starts_on_its_last_step()
    {
        var activity = TestActivities.OneOfEachKind() with { Prompts = [TestActivities.Text()] };
        var session = new SessionBuilder().For(activity).OnStep(0);

        Assert.True(session.IsOnLastStep);
        Assert.Throws<DomainException>(() => session.Advance(fromStep: 0));
        Assert.Equal(0, session.CurrentStep);
    }

    [Fact]
    public void Advancing_past_the_last_step_is_refused()
    {
        var session = _sessions.OnStep(TestActivities.LastStep);
        Assert.True(session.IsOnLastStep);

        var error = Assert.Throws<DomainException>(() => session.Advance(TestActivities.LastStep));

        Assert.StartsWith("This is the last step.", error.Message);
        Assert.Equal(TestActivities.LastStep, session.CurrentStep);
    }

    [Fact]
    public void Going_back_before_the_first_step_is_refused()
    {
        var session = _sessions.OnStep(0);

        var error = Assert.Throws<DomainException>(() => session.GoBack(fromStep: 0));

        Assert.Equal("This is the first step; there is no step before it.", error.Message);
        Assert.Equal(0, session.CurrentStep);
    }

    [Fact]
    public void Moving_between_steps_in_the_lobby_is_refused()
    {
        var session = _sessions.InLobby();

        var error = Assert.Throws<DomainException>(() => session.Advance(fromStep: 0));

        Assert.Equal("Start the session before you move between steps.", error.Message);
        Assert.Equal(0, session.CurrentStep);
        Assert.Equal(SessionState.Lobby, session.State);
    }

    [Fact]
    public void Advancing_a_closed_session_is_refused()
    {
        var session = _sessions.Closed();

        var error = Assert.Throws<DomainException>(() => session.Advance(fromStep: 0));

        Assert.Equal("This session is closed; you cannot move between steps.", error.Message);
        Assert.Equal(0, session.CurrentStep);
    }

    [Fact]
    public void Going_back_in_a_closed_session_is_refused()
    {
        var session = _sessions.OnStep(2);
        session.Close(TestClock.MinutesLater(10));

        Assert.Throws<DomainException>(() => session.GoBack(fromStep: 2));
        Assert.Equal(2, session.CurrentStep);
    }

    [Fact]
    public void Closing_ends_the_session_and_keeps_the_step_it_was_on()
    {
        var session = _sessions.OnStep(3);

        session.Close(TestClock.MinutesLater(40));

        Assert.Equal(SessionState.Closed, session.State);
        Assert.Equal(TestClock.MinutesLater(40), session.ClosedAt);
        Assert.Equal(3, session.CurrentStep);
        Assert.False(session.IsStepOpen(3));
    }

    [Fact]
    public void Closing_a_closed_session_is_refused()
    {
        var session = _sessions.Closed();

        var error = Assert.Throws<DomainException>(() => session.Close(TestClock.MinutesLater(50)));

        Assert.Equal("This session is already closed.", error.Message);
        Assert.Equal(TestClock.MinutesLater(30), session.ClosedAt);
    }

    [Fact]
    public void Joining_the_lobby_lets_a_participant_in()
    {
        var session = _sessions.InLobby();

        var participant = session.Join(null, TestClock.MinutesLater(1));

        Assert.Equal(session.Id, participant.SessionId);
        Assert.Equal(TestClock.MinutesLater(1), participant.JoinedAt);
        Assert.NotEqual(Guid.Empty, participant.Id);
    }

    [Fact]
    public void Joining_a_running_session_is_allowed()
    {
        var session = _sessions.OnStep(2);

        var participant = session.Join(null, TestClock.MinutesLater(5));

        Assert.Equal(session.Id, participant.SessionId);
    }

    [Fact]
    public void Joining_a_closed_session_is_refused()
    {
        var session = _sessions.Closed();

        var error = Assert.Throws<DomainException>(() => session.Join(null, TestClock.MinutesLater(31)));

        Assert.Contains("closed", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_named_session_requires_a_name(string? name)
    {
        var session = _sessions.Named().InLobby();

        var error = Assert.Throws<DomainException>(() => session.Join(name, TestClock.Now));

        Assert.StartsWith("This session shows names", error.Message);
    }

    [Fact]
    public void A_named_session_keeps_the_name_trimmed()
    {
        var session = _sessions.Named().InLobby();

        var participant = session.Join("  Ana López \t", TestClock.Now);

        Assert.Equal("Ana López", participant.DisplayName);
    }

    [Fact]
    public void A_name_of_exactly_40_characters_is_accepted()
    {
        var session = _sessions.Named().InLobby();
        var name = new string('a', AnswerLimits.DisplayNameMaxLength);

        Assert.Equal(name, session.Join($" {name} ", TestClock.Now).DisplayName);
    }

    [Fact]
    public void A_name_longer_than_40_characters_is_refused()
    {
        var session = _sessions.Named().InLobby();

        var error = Assert.Throws<DomainException>(() => session.Join(new string('a', 41), TestClock.Now));

        Assert.Equal("Keep your name to 40 characters.", error.Message);
    }

    [Fact]
    public void An_anonymous_session_stores_no_name_even_when_one_is_given()
    {
        var session = _sessions.InLobby();

        var participant = session.Join("Ana López", TestClock.Now);

        Assert.Null(participant.DisplayName);
    }

    [Fact]
    public void An_anonymous_session_accepts_a_name_it_would_refuse_in_a_named_session()
    {
        var session = _sessions.InLobby();

        var participant = session.Join(new string('a', 100), TestClock.Now);

        Assert.Null(participant.DisplayName);
    }

    [Fact]
    public void An_answer_to_the_open_step_becomes_a_response()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);

        var response = session.Answer(participant, TestActivities.TextStep, Answer.FromText("  Listening first helps.  "), null, TestClock.MinutesLater(3));

        Assert.NotEqual(Guid.Empty, response.Id);
        Assert.Equal(session.Id, response.SessionId);
        Assert.Equal(participant.Id, response.ParticipantId);
        Assert.Equal(TestActivities.TextStep, response.Step);
        Assert.Equal([new ResponseItem(0, "Listening first helps.", null)], response.Items);
        Assert.Equal(TestClock.MinutesLater(3), response.SubmittedAt);
        Assert.Equal(TestClock.MinutesLater(3), response.UpdatedAt);
    }

    [Fact]
    public void Answering_in_the_lobby_is_refused()
    {
        var session = _sessions.InLobby();
        var participant = session.Join(null, TestClock.Now);

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, GoodText, null, TestClock.Now));

        Assert.Equal("The session has not started yet; wait for the first step.", error.Message);
    }

    [Fact]
    public void Answering_after_the_session_closed_is_refused()
    {
        var session = _sessions.OnStep(0);
        var participant = session.Join(null, TestClock.Now);
        session.Close(TestClock.MinutesLater(10));

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, GoodText, null, TestClock.MinutesLater(11)));

        Assert.Equal("This session has closed, so answers can no longer be saved.", error.Message);
    }

    [Fact]
    public void Answering_a_step_the_room_has_left_is_refused()
    {
        var session = _sessions.OnStep(TestActivities.ListStep);
        var participant = session.Join(null, TestClock.Now);

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, TestActivities.TextStep, GoodText, null, TestClock.Now));

        Assert.Equal("The room has moved on to step 2, so step 1 no longer takes answers.", error.Message);
    }

    [Fact]
    public void Answering_a_step_the_room_has_not_reached_is_refused()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);
        var listAnswer = new Answer([new AnswerPart(0, "One"), new AnswerPart(1, "Two")]);

        Assert.ThrowsAny<DomainException>(() => session.Answer(participant, TestActivities.ListStep, listAnswer, null, TestClock.Now));
        Assert.False(session.IsStepOpen(TestActivities.ListStep));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void Answering_a_step_the_activity_does_not_have_is_refused(int step)
    {
        var session = _sessions.OnStep(0);
        var participant = session.Join(null, TestClock.Now);

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, step, GoodText, null, TestClock.Now));

        Assert.Equal($"This activity has no step {step + 1}.", error.Message);
    }

    [Fact]
    public void Answering_an_info_step_is_refused()
    {
        var session = _sessions.OnStep(TestActivities.InfoStep);
        var participant = session.Join(null, TestClock.Now);

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, TestActivities.InfoStep, GoodText, null, TestClock.Now));

        Assert.Contains("takes no answer", error.Message);
    }

    [Fact]
    public void A_participant_of_another_session_cannot_answer()
    {
        var session = _sessions.OnStep(0);
        var other = _sessions.OnStep(0);
        var outsider = other.Join(null, TestClock.Now);

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(outsider, 0, GoodText, null, TestClock.Now));

        Assert.Equal("You are not part of this session.", error.Message);
    }

    [Fact]
    public void An_answer_the_rules_refuse_is_refused_with_the_rules_message()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, Answer.FromText("   "), null, TestClock.Now));

        Assert.Equal("Write your answer before saving.", error.Message);
    }

    [Fact]
    public void Answering_again_changes_the_existing_response_in_place()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);
        var first = session.Answer(participant, 0, Answer.FromText("First thought"), null, TestClock.MinutesLater(2));
        var firstId = first.Id;

        var second = session.Answer(participant, 0, Answer.FromText("Second thought"), first, TestClock.MinutesLater(4));

        Assert.Same(first, second);
        Assert.Equal(firstId, second.Id);
        Assert.Equal([new ResponseItem(0, "Second thought", null)], second.Items);
        Assert.Equal(TestClock.MinutesLater(2), second.SubmittedAt);
        Assert.Equal(TestClock.MinutesLater(4), second.UpdatedAt);
    }

    [Fact]
    public void A_refused_change_leaves_the_existing_response_as_it_was()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);
        var first = session.Answer(participant, 0, Answer.FromText("First thought"), null, TestClock.MinutesLater(2));

        Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, Answer.FromText(""), first, TestClock.MinutesLater(4)));

        Assert.Equal([new ResponseItem(0, "First thought", null)], first.Items);
        Assert.Equal(TestClock.MinutesLater(2), first.UpdatedAt);
    }

    [Fact]
    public void Someone_elses_response_cannot_be_changed()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var ana = session.Join(null, TestClock.Now);
        var ben = session.Join(null, TestClock.Now);
        var anasResponse = session.Answer(ana, 0, Answer.FromText("Ana's answer"), null, TestClock.MinutesLater(2));

        var error = Assert.ThrowsAny<DomainException>(() => session.Answer(ben, 0, Answer.FromText("Ben's answer"), anasResponse, TestClock.MinutesLater(3)));

        Assert.Equal("That answer belongs to someone or somewhere else.", error.Message);
        Assert.Equal("Ana's answer", Assert.Single(anasResponse.Items).Text);
    }

    [Fact]
    public void A_response_to_another_step_cannot_be_reused()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);
        var textResponse = session.Answer(participant, TestActivities.TextStep, GoodText, null, TestClock.MinutesLater(1));
        session.Advance(TestActivities.TextStep);
        var listAnswer = new Answer([new AnswerPart(0, "One"), new AnswerPart(1, "Two")]);

        Assert.ThrowsAny<DomainException>(() => session.Answer(participant, TestActivities.ListStep, listAnswer, textResponse, TestClock.MinutesLater(2)));
        Assert.Equal(TestActivities.TextStep, textResponse.Step);
    }

    [Fact]
    public void After_going_back_the_earlier_step_takes_answers_again()
    {
        var session = _sessions.OnStep(TestActivities.TextStep);
        var participant = session.Join(null, TestClock.Now);
        var response = session.Answer(participant, 0, Answer.FromText("Before"), null, TestClock.MinutesLater(1));
        session.Advance(fromStep: 0);
        Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, Answer.FromText("Too late"), response, TestClock.MinutesLater(2)));

        session.GoBack(fromStep: 1);
        session.Answer(participant, 0, Answer.FromText("After going back"), response, TestClock.MinutesLater(3));

        Assert.Equal("After going back", Assert.Single(response.Items).Text);
        Assert.Equal(TestClock.MinutesLater(3), response.UpdatedAt);
    }

    [Fact]
    public void A_choice_answer_stores_the_option_text_not_what_the_phone_sent()
    {
        var session = _sessions.OnStep(TestActivities.MultipleChoiceStep);
        var participant = session.Join(null, TestClock.Now);
        var answer = new Answer([new AnswerPart(2, "<script>"), new AnswerPart(0, "")]);

        var response = session.Answer(participant, TestActivities.MultipleChoiceStep, answer, null, TestClock.Now);

        Assert.Equal([new ResponseItem(0, "Weekly", null), new ResponseItem(2, "Termly", null)], response.Items);
    }

    [Fact]
    public void A_list_answer_is_stored_trimmed_and_renumbered_without_empty_fields()
    {
        var session = _sessions.OnStep(TestActivities.ListStep);
        var participant = session.Join(null, TestClock.Now);
        var answer = new Answer([new AnswerPart(0, " Listen "), new AnswerPart(1, "  "), new AnswerPart(2, "Ask")]);

        var response = session.Answer(participant, TestActivities.ListStep, answer, null, TestClock.Now);

        Assert.Equal([new ResponseItem(0, "Listen", null), new ResponseItem(1, "Ask", null)], response.Items);
    }

    [Fact]
    public void A_rating_answer_stores_the_values()
    {
        var session = _sessions.OnStep(TestActivities.RatingStep);
        var participant = session.Join(null, TestClock.Now);
        var answer = new Answer([new AnswerPart(1, "", 3), new AnswerPart(0, "", 1)]);

        var response = session.Answer(participant, TestActivities.RatingStep, answer, null, TestClock.Now);

        Assert.Equal([new ResponseItem(0, "", 1), new ResponseItem(1, "", 3)], response.Items);
    }
}
