using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// One run of an activity. The session guards its own transitions: only it decides whether a step
/// is open, whether someone may join, whether an answer is accepted. Participants and responses are
/// separate entities (a room may be large), created through the session's methods.
/// </summary>
public sealed class Session
{
    private Session()
    {
        FacilitatorId = "";
        JoinCode = "";
        Activity = null!;
    }

    public Guid Id { get; private set; }

    /// <summary>The team space the session belongs to; only its members see it.</summary>
    public Guid SpaceId { get; private set; }

    /// <summary>The account id of the facilitator steering the session now.</summary>
    public string FacilitatorId { get; private set; }

    public string JoinCode { get; private set; }

    /// <summary>The activity as it was when the session was created; later edits never reach it.</summary>
    public Activity Activity { get; private set; }

    /// <summary>The space's own activity this session ran, or null for a shipped one (its id is in the snapshot).</summary>
    public Guid? CustomActivityId { get; private set; }

    /// <summary>Which version of the activity it ran; null for sessions made before activities had versions, and imports.</summary>
    public int? ActivityVersion { get; private set; }

    public Anonymity Anonymity { get; private set; }

    public Pacing Pacing { get; private set; }

    public bool IsSelfPaced => Pacing == Pacing.SelfPaced;

    public SessionState State { get; private set; }

    /// <summary>Zero-based index of the step the room is on. Meaningful while running; kept when closed.</summary>
    public int CurrentStep { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the current step's timer runs out; null when no timer runs. Shown on phones and the projector.</summary>
    public DateTimeOffset? TimerEndsAt { get; private set; }

    /// <summary>The facilitator has stopped the current step from taking (or changing) answers.</summary>
    public bool AnswersLocked { get; private set; }

    /// <summary>The current step's answers are on the projector (never with names).</summary>
    public bool AnswersRevealed { get; private set; }

    /// <summary>
    /// The step whose cards the room is sorting into the facilitator's named themes (each phone shows its
    /// own cards with the theme names), or null. The room's current step or an earlier one (a "group the
    /// notes" step sorts the notes of the step before); a moment inside the room's step: moving on ends it.
    /// </summary>
    public int? SortingStep { get; private set; }

    public bool RoomSorting => SortingStep is not null;

    /// <summary>
    /// The themes each vote step offers, by zero-based step, fixed when the vote opens: what people
    /// voted on stays what they saw, whatever the facilitator later does to the theme board.
    /// </summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Ballots { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    /// <summary>The facilitator's notes per zero-based step, in Markdown, for the summary a coach shares.</summary>
    public IReadOnlyDictionary<int, string> Notes { get; private set; } = new Dictionary<int, string>();

    public const int NoteMaxLength = 4000;

    public static readonly TimeSpan LongestTimer = TimeSpan.FromMinutes(60);

    public Prompt CurrentPrompt => PromptAt(CurrentStep);

    /// <summary>
    /// The prompt at a step as phones see it: a vote step carries its ballot's themes as options
    /// (none until the vote opens).
    /// </summary>
    public Prompt PromptAt(int step) => PromptAt(step, null);

    /// <summary>
    /// The prompt at a step in a reader's language, when the activity speaks it (else in the session's own):
    /// in a room that mixes languages each phone reads its own. Ballot themes are the room's words, as written.
    /// </summary>
    public Prompt PromptAt(int step, string? language)
    {
        var prompt = (language is null ? Activity : Activity.In(language)).PromptAt(step);
        return prompt.Kind == PromptKind.Vote
            ? prompt with { Options = Ballots.GetValueOrDefault(step) ?? [] }
            : prompt;
    }

    public bool IsBallotOpen(int step) => Ballots.ContainsKey(step);

    /// <summary>
    /// Opens the vote at <paramref name="step"/> with the given themes (largest first). A ballot can be
    /// opened again with newer themes only while nobody has voted: a vote is never moved under a voter.
    /// <paramref name="answers"/> are the stored answers to that step; the session counts the votes itself.
    /// </summary>
    public void OpenVote(int step, IReadOnlyList<string> themes, IEnumerable<Response> answers)
    {
        var votesCast = answers.Count(r => r.SessionId == Id && r.Step == step);
        if (State == SessionState.Closed)
        {
            throw new DomainException(DomainText.Get("Vote.SessionClosed"));
        }

        if (Activity.PromptAt(step).Kind != PromptKind.Vote)
        {
            throw new DomainException(DomainText.Format("Vote.NotAVote", step + 1));
        }

        if (votesCast > 0)
        {
            throw new DomainException(votesCast == 1
                ? DomainText.Get("Vote.AlreadyVoted.One")
                : DomainText.Format("Vote.AlreadyVoted.Other", votesCast));
        }

        var names = themes
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(AnswerLimits.BallotMaxThemes)
            .ToList();
        if (names.Count < 2)
        {
            throw new DomainException(Activity.PromptAt(step).ThemesFrom is { } from
                ? DomainText.Format("Vote.TooFewThemesFromStep", from + 1)
                : DomainText.Get("Vote.TooFewThemes"));
        }

        Ballots = new Dictionary<int, IReadOnlyList<string>>(Ballots) { [step] = names };
    }

    public bool IsOnLastStep => CurrentStep == Activity.Prompts.Count - 1;

    public static Session Create(Activity activity, string joinCode, Anonymity anonymity, Guid spaceId, string facilitatorId, DateTimeOffset now, Pacing pacing = Pacing.Facilitated, ActivityOrigin? origin = null)
    {
        if (activity.Prompts.Count == 0)
        {
            throw new DomainException(DomainText.Get("Session.NoSteps"));
        }

        if (global::ReflectionWorkshop.Domain.Sessions.JoinCode.Normalize(joinCode) != joinCode)
        {
            throw new DomainException(DomainText.Format("Session.BadJoinCode", joinCode));
        }

        return new Session
        {
            Id = Guid.NewGuid(),
            SpaceId = spaceId,
            FacilitatorId = facilitatorId,
            JoinCode = joinCode,
            Activity = activity,
            CustomActivityId = origin?.CustomActivityId,
            ActivityVersion = origin?.Version,
            Anonymity = anonymity,
            Pacing = pacing,
            State = SessionState.Lobby,
            CurrentStep = 0,
            CreatedAt = now,
        };
    }

    /// <summary>Sets (or, when empty, removes) the facilitator's note on a step of the summary.</summary>
    public void SetNote(int step, string? markdown)
    {
        if (step < 0 || step >= Activity.Prompts.Count)
        {
            throw new DomainException(DomainText.Format("Session.NoSuchStep", step + 1));
        }

        var note = (markdown ?? "").ReplaceLineEndings("\n").Trim();
        if (note.Length > NoteMaxLength)
        {
            throw new DomainException(DomainText.Format("Note.TooLong", NoteMaxLength, note.Length));
        }

        var notes = new Dictionary<int, string>(Notes);
        if (note.Length == 0)
        {
            notes.Remove(step);
        }
        else
        {
            notes[step] = note;
        }

        Notes = notes;
    }

    /// <summary>
    /// Brings back a session exported from this or another installation, as a closed session of the
    /// importing space: its answers are history, so it never takes answers again. Everything is checked
    /// as if it were new (join code, ballots on vote steps only, notes within their limit).
    /// </summary>
    public static Session Restore(
        Activity activity,
        string joinCode,
        Anonymity anonymity,
        Pacing pacing,
        Guid spaceId,
        string facilitatorId,
        (DateTimeOffset Created, DateTimeOffset? Started, DateTimeOffset Closed) times,
        IReadOnlyDictionary<int, IReadOnlyList<string>> ballots,
        IReadOnlyDictionary<int, string> notes)
    {
        var session = Create(activity, joinCode, anonymity, spaceId, facilitatorId, times.Created, pacing);
        foreach (var (step, themes) in ballots)
        {
            if (step < 0 || step >= activity.Prompts.Count || activity.Prompts[step].Kind != PromptKind.Vote)
            {
                throw new DomainException(DomainText.Format("Restore.BallotNotAVote", step + 1));
            }

            // A ballot the room could have seen: the same limits as one opened live.
            if (themes is null || themes.Count > AnswerLimits.BallotMaxThemes)
            {
                throw new DomainException(DomainText.Format("Restore.BallotTooLong", step + 1, themes?.Count ?? 0, AnswerLimits.BallotMaxThemes));
            }

            if (themes.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > AnswerLimits.ThemeNameMaxLength))
            {
                throw new DomainException(DomainText.Format("Restore.BallotThemeName", step + 1, AnswerLimits.ThemeNameMaxLength));
            }

            session.Ballots = new Dictionary<int, IReadOnlyList<string>>(session.Ballots) { [step] = themes.ToList() };
        }

        foreach (var (step, note) in notes)
        {
            session.SetNote(step, note);
        }

        session.State = SessionState.Closed;
        session.StartedAt = times.Started;
        session.ClosedAt = times.Closed;
        return session;
    }

    /// <summary>Brings back a participant of a restored session; an anonymous session keeps no name, whatever the file says.</summary>
    public Participant RestoreParticipant(string? displayName, DateTimeOffset joinedAt)
    {
        var name = Anonymity == Anonymity.Named ? displayName?.Trim() : null;
        if (name is { Length: > AnswerLimits.DisplayNameMaxLength })
        {
            throw new DomainException(DomainText.Format("Restore.NameTooLong", AnswerLimits.DisplayNameMaxLength));
        }

        return new Participant(Guid.NewGuid(), Id, name, joinedAt);
    }

    /// <summary>Brings back an answer of a restored session, checked against its step's rules like a new one.</summary>
    public Response RestoreResponse(Participant participant, int step, IReadOnlyList<ResponseItem> items, DateTimeOffset submittedAt, DateTimeOffset updatedAt)
    {
        if (participant.SessionId != Id)
        {
            throw new DomainException(DomainText.Get("Restore.ParticipantOfOtherSession"));
        }

        if (step < 0 || step >= Activity.Prompts.Count || !Activity.Prompts[step].TakesAnswers)
        {
            throw new DomainException(DomainText.Format("Restore.AnswerToStepWithoutAnswers", step + 1));
        }

        var prompt = PromptAt(step);
        var answer = new Answer(items.Select(i => new AnswerPart(i.Slot, i.Text, i.Value)).ToList());
        if (AnswerRules.Check(prompt, AnswerRules.Normalize(prompt, answer)).FirstOrDefault() is { } problem)
        {
            throw new DomainException(DomainText.Format("Restore.AnswerBreaksRules", step + 1, problem.Message));
        }

        // Options are stored by their text, as a live answer would store them; other text as a live answer would be cleaned.
        var canonical = prompt.Kind is PromptKind.Choice or PromptKind.Vote
            ? items.Select(i => i with { Text = prompt.Options[i.Slot] }).ToList()
            : items.Select(i => i with { Text = AnswerRules.Clean(i.Text) }).ToList();
        var response = new Response(Guid.NewGuid(), Id, participant.Id, step, canonical, null, submittedAt);
        response.Replace(canonical, null, updatedAt);
        return response;
    }

    /// <summary>A co-facilitator of the same space takes the controls, e.g. when the first one has to leave.</summary>
    public void TakeOver(string facilitatorId)
    {
        if (State == SessionState.Closed)
        {
            throw new DomainException(DomainText.Get("Session.ClosedNothingToTakeOver"));
        }

        FacilitatorId = facilitatorId;
    }

    /// <summary>Shows the first step to the room.</summary>
    public void Start(DateTimeOffset now)
    {
        if (State != SessionState.Lobby)
        {
            throw new DomainException(State == SessionState.Closed
                ? DomainText.Get("Session.ClosedCannotStart")
                : DomainText.Get("Session.AlreadyStarted"));
        }

        State = SessionState.Running;
        CurrentStep = 0;
        StartedAt = now;
        AnswersRevealed = CurrentPrompt.Reveal == RevealRule.Live;
    }

    /// <summary>
    /// Moves the room to the next step. <paramref name="fromStep"/> is the step the facilitator was
    /// looking at: a double click, or a second tab, must not skip a step nobody saw.
    /// </summary>
    public void Advance(int fromStep) => MoveFrom(fromStep, +1);

    /// <summary>Takes the room back one step; answers to that step can be given or changed again.</summary>
    public void GoBack(int fromStep) => MoveFrom(fromStep, -1);

    private void MoveFrom(int fromStep, int direction)
    {
        EnsureRunning(DomainText.Get("Session.Action.MoveBetweenSteps"));
        if (IsSelfPaced)
        {
            throw new DomainException(DomainText.Get("Session.SelfPacedMoves"));
        }

        if (fromStep != CurrentStep)
        {
            throw new DomainException(DomainText.Format("Session.AlreadyOnStep", CurrentStep + 1));
        }

        var target = CurrentStep + direction;
        if (target >= Activity.Prompts.Count)
        {
            throw new DomainException(DomainText.Get("Session.LastStep"));
        }

        if (target < 0)
        {
            throw new DomainException(DomainText.Get("Session.FirstStep"));
        }

        CurrentStep = target;

        // A new step starts fresh: no timer, open for answers, nothing on the projector yet unless its rule says so.
        TimerEndsAt = null;
        AnswersLocked = false;
        SortingStep = null;
        AnswersRevealed = CurrentPrompt.Reveal == RevealRule.Live;
    }

    public void StartTimer(TimeSpan duration, DateTimeOffset now)
    {
        EnsureRunning(DomainText.Get("Session.Action.StartTimer"));
        if (duration <= TimeSpan.Zero || duration > LongestTimer)
        {
            throw new DomainException(DomainText.Format("Session.TimerRange", (int)LongestTimer.TotalMinutes));
        }

        TimerEndsAt = now + duration;
    }

    /// <summary>Gives the room another minute; with no timer running, starts a one-minute timer.</summary>
    public void AddMinute(DateTimeOffset now)
    {
        EnsureRunning(DomainText.Get("Session.Action.ChangeTimer"));
        var from = TimerEndsAt is { } ends && ends > now ? ends : now;
        var extended = from + TimeSpan.FromMinutes(1);
        TimerEndsAt = extended - now > LongestTimer ? now + LongestTimer : extended;
    }

    public void StopTimer()
    {
        EnsureRunning(DomainText.Get("Session.Action.StopTimer"));
        TimerEndsAt = null;
    }

    public void LockAnswers()
    {
        EnsureRunning(DomainText.Get("Session.Action.LockAnswers"));
        AnswersLocked = true;
        if (CurrentPrompt.Reveal == RevealRule.OnLock)
        {
            AnswersRevealed = true;
        }
    }

    public void UnlockAnswers()
    {
        EnsureRunning(DomainText.Get("Session.Action.UnlockAnswers"));
        AnswersLocked = false;
    }

    public void RevealAnswers()
    {
        EnsureRunning(DomainText.Get("Session.Action.RevealAnswers"));
        AnswersRevealed = true;
    }

    /// <summary>
    /// Puts the answers (and themes) of <paramref name="step"/> on the projector, or takes them off. The projector
    /// shows the room's current step, so only that step, and only where the room moves together.
    /// </summary>
    public void ShowOnProjector(int step, bool show)
    {
        if (IsSelfPaced || step != CurrentStep)
        {
            throw new DomainException(DomainText.Get("Session.NotOnProjectorStep"));
        }

        if (show)
        {
            RevealAnswers();
        }
        else
        {
            HideAnswers();
        }
    }

    public void HideAnswers()
    {
        EnsureRunning(DomainText.Get("Session.Action.HideAnswers"));
        AnswersRevealed = false;
    }

    /// <summary>
    /// Asks the room to sort its own cards of <paramref name="step"/>: the current step or one the room has
    /// passed. Only where the room moves together (a self-paced room is on many steps at once), on a step whose
    /// answers can be themed, once the facilitator has named at least one theme on that step's
    /// <paramref name="board"/> (null: nobody has touched it yet).
    /// </summary>
    public void StartRoomSorting(int step, ThemeBoard? board)
    {
        EnsureRunning(DomainText.Get("Session.Action.RoomSort"));
        if (IsSelfPaced)
        {
            throw new DomainException(DomainText.Get("Session.RoomSortSelfPaced"));
        }

        if (step < 0 || step > CurrentStep)
        {
            throw new DomainException(DomainText.Format("Session.RoomSortOtherStep", CurrentStep + 1));
        }

        if (!PromptAt(step).CanBeThemed)
        {
            throw new DomainException(DomainText.Get("Session.RoomSortNotThemed"));
        }

        if (board is not null && (board.SessionId != Id || board.Step != step))
        {
            // A caller's mistake, not a person's: the board of another session or step.
            throw new ArgumentException(null, nameof(board));
        }

        if (board is null || board.Themes.Count < 1)
        {
            throw new DomainException(DomainText.Get("Session.RoomSortNoThemes"));
        }

        SortingStep = step;
    }

    public void StopRoomSorting()
    {
        EnsureRunning(DomainText.Get("Session.Action.RoomSort"));
        SortingStep = null;
    }

    /// <summary>Whether the room is sorting the cards of <paramref name="step"/> now.</summary>
    public bool IsRoomSorting(int step) => SortingStep == step && State == SessionState.Running;

    /// <summary>
    /// Takes someone out of the room (their phone is told; they cannot rejoin from it). Their answers go with them:
    /// returns those of <paramref name="answers"/> that are theirs, for the caller to delete with the same save.
    /// </summary>
    public IReadOnlyList<Response> Remove(Participant participant, IEnumerable<Response> answers)
    {
        if (participant.SessionId != Id)
        {
            throw new DomainException(DomainText.Get("Session.PersonNotInSession"));
        }

        participant.MarkRemoved();
        return Theirs(participant, answers);
    }

    /// <summary>
    /// A participant takes back everything they answered while the session is open; they stay in the room for the
    /// steps to come. Returns those of <paramref name="answers"/> that are theirs, for the caller to delete.
    /// </summary>
    public IReadOnlyList<Response> Withdraw(Participant participant, IEnumerable<Response> answers)
    {
        if (participant.SessionId != Id)
        {
            throw new DomainException(DomainText.Get("Answer.NotInSession"));
        }

        if (State == SessionState.Closed)
        {
            throw new DomainException(DomainText.Get("Answer.WithdrawClosed"));
        }

        return Theirs(participant, answers);
    }

    private List<Response> Theirs(Participant participant, IEnumerable<Response> answers) =>
        answers.Where(r => r.SessionId == Id && r.ParticipantId == participant.Id).ToList();

    public void Close(DateTimeOffset now)
    {
        if (State == SessionState.Closed)
        {
            throw new DomainException(DomainText.Get("Session.AlreadyClosed"));
        }

        State = SessionState.Closed;
        ClosedAt = now;
    }

    /// <summary>
    /// Lets someone into the room. In an anonymous session no name is kept, even if one is offered.
    /// </summary>
    public Participant Join(string? displayName, DateTimeOffset now)
    {
        if (State == SessionState.Closed)
        {
            throw new DomainException(DomainText.Get("Join.Closed"));
        }

        string? name = null;
        if (Anonymity == Anonymity.Named)
        {
            name = displayName?.Trim() ?? "";
            if (name.Length == 0)
            {
                throw new DomainException(DomainText.Get("Join.NameRequired"));
            }

            if (name.Length > AnswerLimits.DisplayNameMaxLength)
            {
                throw new DomainException(DomainText.Format("Join.NameTooLong", AnswerLimits.DisplayNameMaxLength));
            }
        }

        return new Participant(Guid.NewGuid(), Id, name, now);
    }

    /// <summary>
    /// Accepts a participant's answer to the open step and records it. <paramref name="existing"/> is their
    /// earlier answer to that step, if any: it is changed in place, so a double tap or a retry never makes a
    /// second response. The same as <see cref="Accept"/> followed by <see cref="Record"/>.
    /// </summary>
    public Response Answer(Participant participant, int step, Answer answer, Response? existing, DateTimeOffset now, string? submissionKey = null) =>
        Record(Accept(participant, step, answer), existing, now, submissionKey);

    /// <summary>
    /// Checks an answer before anything is stored: whether <paramref name="participant"/> may answer
    /// <paramref name="step"/> now (<see cref="AnswerRefusedException"/> says why not) and whether the answer
    /// itself is acceptable (<see cref="AnswerProblemsException"/> lists every problem with its field). The
    /// answer rules run here and only here.
    /// </summary>
    public AcceptedAnswer Accept(Participant participant, int step, Answer answer)
    {
        if (participant.SessionId != Id)
        {
            throw new DomainException(DomainText.Get("Answer.NotInSession"));
        }

        if (RefusalFor(participant, step) is { } refusal)
        {
            throw new AnswerRefusedException(refusal, RefusalMessage(refusal, participant, step));
        }

        var prompt = PromptAt(step);
        var normalized = AnswerRules.Normalize(prompt, answer);
        var problems = AnswerRules.Check(prompt, normalized);
        if (problems.Count > 0)
        {
            throw new AnswerProblemsException(problems);
        }

        var items = normalized.Parts
            .Select(p => new ResponseItem(
                p.Slot,
                prompt.Kind is PromptKind.Choice or PromptKind.Vote ? prompt.Options[p.Slot] : p.Text,
                p.Value))
            .ToList();
        return new AcceptedAnswer(Id, participant.Id, step, items);
    }

    /// <summary>
    /// Stores an answer <see cref="Accept"/> accepted: a new response, or <paramref name="existing"/> (the
    /// participant's earlier answer to that step) changed in place.
    /// </summary>
    public Response Record(AcceptedAnswer accepted, Response? existing, DateTimeOffset now, string? submissionKey = null)
    {
        if (submissionKey is { Length: > Response.SubmissionKeyMaxLength })
        {
            throw new DomainException(DomainText.Get("Answer.SubmissionKeyTooLong"));
        }

        if (accepted.SessionId != Id)
        {
            throw new DomainException(DomainText.Get("Answer.NotInSession"));
        }

        if (existing is null)
        {
            return new Response(Guid.NewGuid(), Id, accepted.ParticipantId, accepted.Step, accepted.Items, submissionKey, now);
        }

        if (existing.ParticipantId != accepted.ParticipantId || existing.Step != accepted.Step)
        {
            throw new DomainException(DomainText.Get("Answer.BelongsElsewhere"));
        }

        existing.Replace(accepted.Items, submissionKey, now);
        return existing;
    }

    /// <summary>
    /// Why <paramref name="participant"/> may not answer <paramref name="step"/> right now, or null when they may:
    /// the one place these rules live. The first reason that applies, in the order a person would want to hear it.
    /// </summary>
    public AnswerRefusal? RefusalFor(Participant participant, int step) => this switch
    {
        _ when participant.IsRemoved => AnswerRefusal.Removed,
        { State: SessionState.Lobby } => AnswerRefusal.NotStarted,
        { State: SessionState.Closed } => AnswerRefusal.Closed,
        _ when step < 0 || step >= Activity.Prompts.Count => AnswerRefusal.NoSuchStep,
        _ when step != StepFor(participant) => AnswerRefusal.OtherStep,
        _ when !Activity.Prompts[step].TakesAnswers => AnswerRefusal.NoAnswers,
        { AnswersLocked: true } => AnswerRefusal.Locked,
        _ when Activity.Prompts[step].Kind == PromptKind.Vote && !IsBallotOpen(step) => AnswerRefusal.BallotNotOpen,
        _ => null,
    };

    /// <summary>The words for a refusal (<see cref="RefusalFor"/>), in the reader's language.</summary>
    public string RefusalMessage(AnswerRefusal refusal, Participant participant, int step) => refusal switch
    {
        AnswerRefusal.Removed => DomainText.Get("Answer.Removed"),
        AnswerRefusal.NotStarted => DomainText.Get("Answer.NotStarted"),
        AnswerRefusal.Closed => DomainText.Get("Answer.SessionClosed"),
        AnswerRefusal.NoSuchStep => DomainText.Format("Session.NoSuchStep", step + 1),
        AnswerRefusal.OtherStep when IsSelfPaced => DomainText.Format("Answer.OnOtherStepSelfPaced", StepFor(participant) + 1, step + 1),
        AnswerRefusal.OtherStep => DomainText.Format("Answer.RoomMovedOn", CurrentStep + 1, step + 1),
        AnswerRefusal.NoAnswers => DomainText.Get("Answer.NoAnswerStep"),
        AnswerRefusal.Locked => DomainText.Get("Answer.Locked"),
        _ => DomainText.Get("Vote.NotOpen"),
    };

    /// <summary>Whether answers to <paramref name="step"/> are accepted right now (facilitated sessions).</summary>
    public bool IsStepOpen(int step) => State == SessionState.Running && step == CurrentStep && !AnswersLocked;

    /// <summary>The step a participant sees: the room's step, or their own in a self-paced session.</summary>
    public int StepFor(Participant participant) => IsSelfPaced ? participant.Step : CurrentStep;

    /// <summary>Whether <paramref name="participant"/> may answer <paramref name="step"/> right now.</summary>
    public bool IsStepOpenFor(Participant participant, int step) => RefusalFor(participant, step) is null;

    /// <summary>In a self-paced session, a participant moves one step on (+1) or back (-1) from the step they were on.</summary>
    public void MoveParticipant(Participant participant, int fromStep, int direction)
    {
        if (!IsSelfPaced)
        {
            throw new DomainException(DomainText.Get("SelfPaced.FacilitatorMoves"));
        }

        EnsureRunning(DomainText.Get("Session.Action.MoveBetweenSteps"));
        if (participant.SessionId != Id || participant.IsRemoved)
        {
            throw new DomainException(DomainText.Get("Answer.NotInSession"));
        }

        if (fromStep != participant.Step)
        {
            throw new DomainException(DomainText.Format("SelfPaced.AlreadyOnStep", participant.Step + 1));
        }

        var target = participant.Step + Math.Sign(direction);
        if (target < 0 || target >= Activity.Prompts.Count)
        {
            throw new DomainException(DomainText.Get(target < 0 ? "SelfPaced.FirstStep" : "SelfPaced.LastStep"));
        }

        participant.MoveTo(target);
    }

    /// <summary>Refuses <paramref name="action"/> (what the person tried, as in "start a timer") unless the session runs.</summary>
    private void EnsureRunning(string action)
    {
        if (State != SessionState.Running)
        {
            throw new DomainException(DomainText.Format(State == SessionState.Lobby ? "Session.StartFirst" : "Session.ClosedCannot", action));
        }
    }
}
