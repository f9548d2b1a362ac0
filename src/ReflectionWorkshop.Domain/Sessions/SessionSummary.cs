using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>An answer or item in a summary; <see cref="Author"/> is set only in named sessions.</summary>
public sealed record SummaryEntry(string Text, string? Author);

/// <summary>How one rated item was scored: a count per scale point and the mean.</summary>
public sealed record RatingTally(string Item, IReadOnlyList<int> Counts)
{
    public int Answers => Counts.Sum();

    public double? Mean => Answers == 0 ? null : Counts.Select((c, i) => c * (i + 1.0)).Sum() / Answers;
}

/// <summary>How often one option of a choice prompt was picked.</summary>
public sealed record ChoiceTally(string Option, int Count);

/// <summary>How many dots a theme on a ballot got, and from how many people.</summary>
public sealed record VoteTally(string Theme, int Dots, int Voters);

/// <summary>
/// What the room said at one step, in the order answers first arrived. Rating tallies are withheld
/// (empty) while fewer people answered than the prompt's anonymity floor: see <see cref="RatingsWithheld"/>.
/// </summary>
public sealed record PromptSummary(
    int Number,
    Prompt Prompt,
    int Responses,
    IReadOnlyList<SummaryEntry> Texts,
    IReadOnlyList<SummaryEntry> Left,
    IReadOnlyList<SummaryEntry> Right,
    IReadOnlyList<RatingTally> Ratings,
    IReadOnlyList<ChoiceTally> Choices,
    IReadOnlyList<VoteTally> Votes)
{
    public bool RatingsWithheld => Prompt.Kind == PromptKind.Rating && Responses < Prompt.AnonymityFloor;
}

/// <summary>
/// Every prompt with every answer: list items, both compare sides, rating counts and means, choice
/// counts. Each stored item appears exactly once.
/// </summary>
public sealed record SessionSummary(Session Session, int ParticipantCount, IReadOnlyList<PromptSummary> Prompts)
{
    public static SessionSummary Build(Session session, IReadOnlyCollection<Participant> participants, IEnumerable<Response> responses)
    {
        var names = session.Anonymity == Anonymity.Named
            ? participants.ToDictionary(p => p.Id, p => p.DisplayName)
            : [];
        var byStep = responses
            .Where(r => r.SessionId == session.Id)
            .OrderBy(r => r.SubmittedAt)
            .ThenBy(r => r.Id)
            .ToLookup(r => r.Step);

        var prompts = session.Activity.Prompts
            .Select((_, step) => Summarize(step, session.PromptAt(step), byStep[step].ToList(), names))
            .ToList();
        return new SessionSummary(session, participants.Count, prompts);
    }

    private static PromptSummary Summarize(int step, Prompt prompt, List<Response> responses, Dictionary<Guid, string?> names)
    {
        IEnumerable<SummaryEntry> Entries(Func<ResponseItem, bool> which) =>
            responses.SelectMany(r => r.Items.Where(which).Select(i => new SummaryEntry(i.Text, names.GetValueOrDefault(r.ParticipantId))));

        var texts = prompt.Kind is PromptKind.Text or PromptKind.List ? Entries(_ => true).ToList() : [];
        var left = prompt.Kind == PromptKind.Compare ? Entries(i => i.Slot == 0).ToList() : [];
        var right = prompt.Kind == PromptKind.Compare ? Entries(i => i.Slot == 1).ToList() : [];

        var ratings = prompt.Kind == PromptKind.Rating && responses.Count >= prompt.AnonymityFloor
            ? prompt.Items.Select((item, slot) => new RatingTally(
                item,
                Enumerable.Range(1, prompt.Scale.Count)
                    .Select(value => responses.Count(r => r.Items.Any(i => i.Slot == slot && i.Value == value)))
                    .ToList())).ToList()
            : [];

        var choices = prompt.Kind == PromptKind.Choice
            ? prompt.Options.Select((option, slot) => new ChoiceTally(
                option, responses.Count(r => r.Items.Any(i => i.Slot == slot)))).ToList()
            : [];

        var votes = prompt.Kind == PromptKind.Vote ? Tally(prompt, responses) : [];

        return new PromptSummary(step + 1, prompt, responses.Count, texts, left, right, ratings, choices, votes);
    }

    /// <summary>The ballot's themes, most dots first; ties go to the theme more people voted for, then to ballot order.</summary>
    public static IReadOnlyList<VoteTally> Tally(Prompt vote, IEnumerable<Response> responses)
    {
        // One pass over the items, not one per option.
        var bySlot = responses.SelectMany(r => r.Items).ToLookup(i => i.Slot);
        return vote.Options
            .Select((theme, slot) => (slot, tally: new VoteTally(
                theme,
                bySlot[slot].Sum(i => i.Value ?? 0),
                bySlot[slot].Count(i => i.Value > 0))))
            .OrderByDescending(x => x.tally.Dots)
            .ThenByDescending(x => x.tally.Voters)
            .ThenBy(x => x.slot)
            .Select(x => x.tally)
            .ToList();
    }
}
