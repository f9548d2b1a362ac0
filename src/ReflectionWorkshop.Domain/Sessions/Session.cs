using ReflectionWorkshop.Domain.Activities;

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
    /// </summary>
    public void OpenVote(int step, IReadOnlyList<string> themes, int votesCast)
    {
        if (State == SessionState.Closed)
        {
            throw new DomainException("This session is closed; its votes are final.");
        }

        if (Activity.PromptAt(step).Kind != PromptKind.Vote)
        {
            throw new DomainException($"Step {step + 1} is not a vote.");
        }

        if (votesCast > 0)
        {
            throw new DomainException(votesCast == 1
                ? "Someone has already voted, so the themes on the ballot can no longer change."
                : $"{votesCast} people have already voted, so the themes on the ballot can no longer change.");
        }

        var names = themes
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(AnswerLimits.BallotMaxThemes)
            .ToList();
        if (names.Count < 2)
        {
            var source = Activity.PromptAt(step).ThemesFrom is { } from ? $" of step {from + 1}" : "";
            throw new DomainException($"A vote needs at least two themes to choose between. Sort the answers{source} into themes first.");
        }

        Ballots = new Dictionary<int, IReadOnlyList<string>>(Ballots) { [step] = names };
    }

    public bool IsOnLastStep => CurrentStep == Activity.Prompts.Count - 1;

    public static Session Create(Activity activity, string joinCode, Anonymity anonymity, Guid spaceId, string facilitatorId, DateTimeOffset now, Pacing pacing = Pacing.Facilitated, ActivityOrigin? origin = null)
    {
        if (activity.Prompts.Count == 0)
        {
            throw new DomainException("An activity needs at least one step before a session can run it.");
        }

        if (global::ReflectionWorkshop.Domain.Sessions.JoinCode.Normalize(joinCode) != joinCode)
        {
            throw new DomainException($"'{joinCode}' is not a valid join code.");
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
            throw new DomainException($"This activity has no step {step + 1}.");
        }

        var note = (markdown ?? "").ReplaceLineEndings("\n").Trim();
        if (note.Length > NoteMaxLength)
        {
            throw new DomainException($"Keep a note to {NoteMaxLength:N0} characters; this one has {note.Length:N0}. Nothing was saved yet: shorten it and save again.");
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
                throw new DomainException($"The file gives a ballot for step {step + 1}, which is not a vote.");
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
            throw new DomainException($"A participant's name in the file is longer than {AnswerLimits.DisplayNameMaxLength} characters.");
        }

        return new Participant(Guid.NewGuid(), Id, name, joinedAt);
    }

    /// <summary>Brings back an answer of a restored session, checked against its step's rules like a new one.</summary>
    public Response RestoreResponse(Participant participant, int step, IReadOnlyList<ResponseItem> items, DateTimeOffset submittedAt, DateTimeOffset updatedAt)
    {
        if (participant.SessionId != Id)
        {
            throw new DomainException("That participant belongs to another session.");
        }

        if (step < 0 || step >= Activity.Prompts.Count || !Activity.Prompts[step].TakesAnswers)
        {
            throw new DomainException($"The file gives an answer to step {step + 1}, which takes none.");
        }

        var prompt = PromptAt(step);
        var answer = new Answer(items.Select(i => new AnswerPart(i.Slot, i.Text, i.Value)).ToList());
        if (AnswerRules.Check(prompt, AnswerRules.Normalize(prompt, answer)).FirstOrDefault() is { } problem)
        {
            throw new DomainException($"An answer to step {step + 1} in the file breaks its rules: {problem.Message}");
        }

        // Options are stored by their text, as a live answer would store them.
        var canonical = prompt.Kind is PromptKind.Choice or PromptKind.Vote
            ? items.Select(i => i with { Text = prompt.Options[i.Slot] }).ToList()
            : items;
        var response = new Response(Guid.NewGuid(), Id, participant.Id, step, canonical, null, submittedAt);
        response.Replace(canonical, null, updatedAt);
        return response;
    }

    /// <summary>A co-facilitator of the same space takes the controls, e.g. when the first one has to leave.</summary>
    public void TakeOver(string facilitatorId)
    {
        if (State == SessionState.Closed)
        {
            throw new DomainException("This session is closed; there is nothing to take over.");
        }

        FacilitatorId = facilitatorId;
    }

    /// <summary>Shows the first step to the room.</summary>
    public void Start(DateTimeOffset now)
    {
        if (State != SessionState.Lobby)
        {
            throw new DomainException(State == SessionState.Closed
                ? "This session is closed; it cannot start again."
                : "This session has already started.");
        }

        State = SessionState.Running;
        CurrentStep = 0;
        StartedAt = now;
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
        EnsureRunning("move between steps");
        if (IsSelfPaced)
        {
            throw new DomainException("In a self-paced session each person moves through the steps on their own.");
        }

        if (fromStep != CurrentStep)
        {
            throw new DomainException($"The session is already on step {CurrentStep + 1}; nothing was changed.");
        }

        var target = CurrentStep + direction;
        if (target >= Activity.Prompts.Count)
        {
            throw new DomainException("This is the last step. Close the session when the room is done.");
        }

        if (target < 0)
        {
            throw new DomainException("This is the first step; there is no step before it.");
        }

        CurrentStep = target;

        // A new step starts fresh: no timer, open for answers, nothing on the projector yet.
        TimerEndsAt = null;
        AnswersLocked = false;
        AnswersRevealed = false;
    }

    public void StartTimer(TimeSpan duration, DateTimeOffset now)
    {
        EnsureRunning("start a timer");
        if (duration <= TimeSpan.Zero || duration > LongestTimer)
        {
            throw new DomainException($"A timer runs for 1 to {LongestTimer.TotalMinutes:0} minutes.");
        }

        TimerEndsAt = now + duration;
    }

    /// <summary>Gives the room another minute; with no timer running, starts a one-minute timer.</summary>
    public void AddMinute(DateTimeOffset now)
    {
        EnsureRunning("change the timer");
        var from = TimerEndsAt is { } ends && ends > now ? ends : now;
        var extended = from + TimeSpan.FromMinutes(1);
        TimerEndsAt = extended - now > LongestTimer ? now + LongestTimer : extended;
    }

    public void StopTimer()
    {
        EnsureRunning("stop the timer");
        TimerEndsAt = null;
    }

    public void LockAnswers()
    {
        EnsureRunning("lock answers");
        AnswersLocked = true;
    }

    public void UnlockAnswers()
    {
        EnsureRunning("unlock answers");
        AnswersLocked = false;
    }

    public void RevealAnswers()
    {
        EnsureRunning("show answers on the projector");
        AnswersRevealed = true;
    }

    public void HideAnswers()
    {
        EnsureRunning("hide answers on the projector");
        AnswersRevealed = false;
    }

    /// <summary>Takes someone out of the room (their phone is told; they cannot rejoin from it).</summary>
    public void Remove(Participant participant)
    {
        if (participant.SessionId != Id)
        {
            throw new DomainException("That person is not in this session.");
        }

        participant.MarkRemoved();
    }

    public void Close(DateTimeOffset now)
    {
        if (State == SessionState.Closed)
        {
            throw new DomainException("This session is already closed.");
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
            throw new DomainException("This session has closed; it no longer takes participants.");
        }

        string? name = null;
        if (Anonymity == Anonymity.Named)
        {
            name = displayName?.Trim() ?? "";
            if (name.Length == 0)
            {
                throw new DomainException("This session shows names: type the name the room knows you by.");
            }

            if (name.Length > AnswerLimits.DisplayNameMaxLength)
            {
                throw new DomainException($"Keep your name to {AnswerLimits.DisplayNameMaxLength} characters.");
            }
        }

        return new Participant(Guid.NewGuid(), Id, name, now);
    }

    /// <summary>
    /// Accepts a participant's answer to the open step. <paramref name="existing"/> is their earlier
    /// answer to that step, if any: it is changed in place, so a double tap or a retry never makes a
    /// second response.
    /// </summary>
    public Response Answer(Participant participant, int step, Answer answer, Response? existing, DateTimeOffset now, string? submissionKey = null)
    {
        if (submissionKey is { Length: > Response.SubmissionKeyMaxLength })
        {
            throw new DomainException("That submission key is too long.");
        }

        if (participant.SessionId != Id)
        {
            throw new DomainException("You are not part of this session.");
        }

        if (participant.IsRemoved)
        {
            throw new DomainException("The facilitator removed you from this session, so it no longer takes your answers.");
        }

        EnsureStepOpen(participant, step);
        var prompt = PromptAt(step);
        var normalized = AnswerRules.Normalize(prompt, answer);
        var problems = AnswerRules.Check(prompt, normalized);
        if (problems.Count > 0)
        {
            throw new DomainException(problems[0].Message);
        }

        var items = normalized.Parts
            .Select(p => new ResponseItem(
                p.Slot,
                prompt.Kind is PromptKind.Choice or PromptKind.Vote ? prompt.Options[p.Slot] : p.Text,
                p.Value))
            .ToList();

        if (existing is null)
        {
            return new Response(Guid.NewGuid(), Id, participant.Id, step, items, submissionKey, now);
        }

        if (existing.ParticipantId != participant.Id || existing.Step != step)
        {
            throw new DomainException("That answer belongs to someone or somewhere else.");
        }

        existing.Replace(items, submissionKey, now);
        return existing;
    }

    /// <summary>Whether answers to <paramref name="step"/> are accepted right now (facilitated sessions).</summary>
    public bool IsStepOpen(int step) => State == SessionState.Running && step == CurrentStep && !AnswersLocked;

    /// <summary>The step a participant sees: the room's step, or their own in a self-paced session.</summary>
    public int StepFor(Participant participant) => IsSelfPaced ? participant.Step : CurrentStep;

    /// <summary>Whether <paramref name="participant"/> may answer <paramref name="step"/> right now.</summary>
    public bool IsStepOpenFor(Participant participant, int step) =>
        State == SessionState.Running && step == StepFor(participant) && !AnswersLocked && !participant.IsRemoved;

    /// <summary>In a self-paced session, a participant moves one step on (+1) or back (-1) from the step they were on.</summary>
    public void MoveParticipant(Participant participant, int fromStep, int direction)
    {
        if (!IsSelfPaced)
        {
            throw new DomainException("The facilitator moves the room in this session.");
        }

        EnsureRunning("move between steps");
        if (participant.SessionId != Id || participant.IsRemoved)
        {
            throw new DomainException("You are not part of this session.");
        }

        if (fromStep != participant.Step)
        {
            throw new DomainException($"You are already on step {participant.Step + 1}.");
        }

        var target = participant.Step + Math.Sign(direction);
        if (target < 0 || target >= Activity.Prompts.Count)
        {
            throw new DomainException(target < 0 ? "This is the first step." : "This is the last step. You're done — thank you!");
        }

        participant.MoveTo(target);
    }

    private void EnsureStepOpen(Participant participant, int step)
    {
        if (State == SessionState.Lobby)
        {
            throw new DomainException("The session has not started yet; wait for the first step.");
        }

        if (State == SessionState.Closed)
        {
            throw new DomainException("This session has closed, so answers can no longer be saved.");
        }

        if (step < 0 || step >= Activity.Prompts.Count)
        {
            throw new DomainException($"This activity has no step {step + 1}.");
        }

        if (step != StepFor(participant))
        {
            throw new DomainException(IsSelfPaced
                ? $"You are on step {StepFor(participant) + 1} now; go back to step {step + 1} to answer it."
                : $"The room has moved on to step {CurrentStep + 1}, so step {step + 1} no longer takes answers.");
        }

        if (!Activity.Prompts[step].TakesAnswers)
        {
            throw new DomainException("This step is for reading or discussing; it takes no answer.");
        }

        if (AnswersLocked)
        {
            throw new DomainException("The facilitator has locked answers for this step, so it no longer takes or changes answers.");
        }

        if (Activity.Prompts[step].Kind == PromptKind.Vote && !IsBallotOpen(step))
        {
            throw new DomainException("The vote has not opened yet: the facilitator is still gathering the themes.");
        }
    }

    private void EnsureRunning(string what)
    {
        if (State != SessionState.Running)
        {
            throw new DomainException(State == SessionState.Lobby
                ? $"Start the session before you {what}."
                : $"This session is closed; you cannot {what}.");
        }
    }
}
