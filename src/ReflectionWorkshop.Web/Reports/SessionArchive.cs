using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// A whole session as JSON (activity snapshot, participants, answers, themes, ballots, notes) that
/// another installation can import: a coach moving between districts, or a backup. Participants are
/// numbers in the file, never ids or cookies; names travel only for named sessions; ratings are not
/// tied to the person who gave them.
/// </summary>
public sealed record SessionArchive(
    string Format,
    int Version,
    Activity Activity,
    Anonymity Anonymity,
    Pacing Pacing,
    string JoinCode,
    string Facilitator,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<SessionArchive.ArchivedParticipant> Participants,
    IReadOnlyList<SessionArchive.ArchivedResponse> Responses,
    IReadOnlyList<SessionArchive.ArchivedBoard> Boards,
    IReadOnlyDictionary<int, IReadOnlyList<string>> Ballots,
    IReadOnlyDictionary<int, string> Notes)
{
    private static IStringLocalizer<ReportsText> Text => ReportLanguage.Text;

    private static readonly IStringLocalizer<AuthoringText> Authoring = new StringLocalizer<AuthoringText>(
        new ResourceManagerStringLocalizerFactory(Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public const string FormatName = "reflection-workshop-session";
    public const int CurrentVersion = 1;

    /// <summary>Imports refuse files larger than this, before reading them.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// A null where the format has no null, or a value the format requires left out, is refused as it is read
    /// (issue 18: such files made the import fail with a 500).
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record ArchivedParticipant(int Number, string? Name, DateTimeOffset JoinedAt);

    public sealed record ArchivedItem(int Slot, string Text, int? Value);

    public sealed record ArchivedResponse(int Participant, int Step, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ArchivedItem> Items);

    public sealed record ArchivedCard(int Participant, int Slot);

    public sealed record ArchivedTheme(string Name, IReadOnlyList<ArchivedCard> Cards);

    public sealed record ArchivedBoard(int Step, IReadOnlyList<ArchivedTheme> Themes);

    public static SessionArchive From(SessionReport report)
    {
        var session = report.Session;
        var numbers = report.Participants.Select((p, i) => (p.Id, Number: i + 1)).ToDictionary(x => x.Id, x => x.Number);
        var responses = report.Responses.Where(r => numbers.ContainsKey(r.ParticipantId)).ToList();
        var byResponse = responses.ToDictionary(r => r.Id);
        return new SessionArchive(
            FormatName,
            CurrentVersion,
            session.Activity,
            session.Anonymity,
            session.Pacing,
            session.JoinCode,
            report.FacilitatorName ?? ReportLanguage.In(session, () => Text["Summary.FormerMember"].Value),
            session.CreatedAt,
            session.StartedAt,
            session.ClosedAt,
            report.Participants.Select(p => new ArchivedParticipant(numbers[p.Id], session.Anonymity == Anonymity.Named ? p.DisplayName : null, p.JoinedAt)).ToList(),
            Archived(session, responses, numbers),
            report.Boards.OrderBy(b => b.Key).Select(b => new ArchivedBoard(
                b.Key,
                b.Value.Themes.Select(t => new ArchivedTheme(
                    t.Theme.Name,
                    t.Cards.Where(c => byResponse.ContainsKey(c.Key.ResponseId))
                        .Select(c => new ArchivedCard(numbers[c.ParticipantId], c.Key.Slot)).ToList())).ToList())).ToList(),
            session.Ballots,
            session.Notes);
    }

    /// <summary>
    /// Answers by participant number, except ratings: the room was told no one's ratings are shown, so
    /// each rating step's answers are dealt back to its raters in order of value, all with one time.
    /// Tallies stay exact; who gave which rating cannot be read from the file.
    /// </summary>
    private static List<ArchivedResponse> Archived(Session session, List<Response> responses, Dictionary<Guid, int> numbers)
    {
        ArchivedResponse Archive(Response r, int number, DateTimeOffset submitted, DateTimeOffset updated) =>
            new(number, r.Step, submitted, updated, r.Items.OrderBy(i => i.Slot).Select(i => new ArchivedItem(i.Slot, i.Text, i.Value)).ToList());

        var archived = new List<ArchivedResponse>();
        foreach (var step in responses.GroupBy(r => r.Step).OrderBy(g => g.Key))
        {
            if (session.Activity.PromptAt(step.Key).Kind != PromptKind.Rating)
            {
                archived.AddRange(step.Select(r => Archive(r, numbers[r.ParticipantId], r.SubmittedAt, r.UpdatedAt)));
                continue;
            }

            var raters = step.Select(r => numbers[r.ParticipantId]).Order().ToList();
            var at = step.Max(r => r.UpdatedAt);
            var byValue = step.OrderBy(r => string.Join(',', r.Items.OrderBy(i => i.Slot).Select(i => $"{i.Slot}:{i.Value:D3}")), StringComparer.Ordinal).ToList();
            archived.AddRange(byValue.Select((r, i) => Archive(r, raters[i], at, at)));
        }

        return archived;
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>
    /// Reads a file; a file that is not one of ours, or is damaged, gets a message saying so and where. The
    /// format and version are read first, so an old or foreign file is told so rather than what it lacks.
    /// </summary>
    public static SessionArchive Read(Stream json)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new DomainException(Text["Archive.Unreadable", (ex.LineNumber + 1)?.ToString(CultureInfo.CurrentCulture) ?? "?", ex.Message.Split('.')[0]]);
        }

        if (document is not JsonObject root || !(root["format"] is JsonValue format && format.TryGetValue<string>(out var name) && name == FormatName))
        {
            throw new DomainException(Text["Archive.NotOurs", FormatName]);
        }

        if (!(root["version"] is JsonValue version && version.TryGetValue<int>(out var number) && number == CurrentVersion))
        {
            throw new DomainException(Text["Archive.Version", root["version"]?.ToJsonString() ?? "?", CurrentVersion]);
        }

        if (EmptyEntry(root) is { } empty)
        {
            throw new DomainException(Text["Archive.EmptyEntry", empty]);
        }

        try
        {
            return root.Deserialize<SessionArchive>(Options)!;
        }
        catch (JsonException ex)
        {
            // A part missing at the top (no participants, no answers) is said as such; deeper, where.
            throw new DomainException(ex.Path is null or "$" ? Text["Archive.Incomplete"] : Text["Archive.BadValue", ex.Path]);
        }
    }

    /// <summary>The dictionaries of the format: keys are numbers or languages, and no value is ever null.</summary>
    private static readonly HashSet<string> Maps = ["ballots", "notes", "translations"];

    /// <summary>The path of the first list entry or dictionary value that is null (the format has none), or null.</summary>
    private static string? EmptyEntry(JsonNode node, bool map = false) => node switch
    {
        JsonArray list => list.Select((entry, i) => entry is null ? $"{list.GetPath()}[{i}]" : EmptyEntry(entry)).FirstOrDefault(p => p is not null),
        JsonObject values => values.Select(p => p.Value is null ? (map ? $"{values.GetPath()}.{p.Key}" : null) : EmptyEntry(p.Value, Maps.Contains(p.Key)))
            .FirstOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>
    /// Makes the entities to store, checked by the domain as it goes: one bad answer or theme refuses
    /// the whole file, so an import is all or nothing.
    /// </summary>
    public (Session Session, IReadOnlyList<Participant> Participants, IReadOnlyList<Response> Responses, IReadOnlyList<ThemeBoard> Boards) Restore(
        string joinCode, Guid spaceId, string facilitatorId, DateTimeOffset now)
    {
        if (Activity?.Prompts is not { Count: > 0 } || Participants is null || Responses is null || Boards is null || Ballots is null || Notes is null)
        {
            throw new DomainException(Text["Archive.Incomplete"]);
        }

        // The rules every activity follows, however it was written: an archive is no way around the editor's limits.
        if (ActivityRules.Validate(Activity).FirstOrDefault() is { } problem)
        {
            var said = Authoring[problem.Code, [.. problem.Args]].Value;
            throw new DomainException(problem.Step is { } step
                ? Text["Archive.ActivityBreaksRulesAtStep", step + 1, said]
                : Text["Archive.ActivityBreaksRules", said]);
        }

        var session = Session.Restore(Activity, joinCode, Anonymity, Pacing, spaceId, facilitatorId, (CreatedAt, StartedAt, ClosedAt ?? now), Ballots, Notes);
        var participants = new Dictionary<int, Participant>();
        foreach (var archived in Participants)
        {
            if (!participants.TryAdd(archived.Number, session.RestoreParticipant(archived.Name, archived.JoinedAt)))
            {
                throw new DomainException(Text["Archive.ParticipantTwice", archived.Number]);
            }
        }

        var responses = new Dictionary<(int Participant, int Step), Response>();
        foreach (var archived in Responses)
        {
            if (!participants.TryGetValue(archived.Participant, out var participant))
            {
                throw new DomainException(Text["Archive.AnswerWithoutParticipant", archived.Participant]);
            }

            var items = (archived.Items ?? []).Select(i => new ResponseItem(i.Slot, i.Text ?? "", i.Value)).ToList();
            if (!responses.TryAdd((archived.Participant, archived.Step), session.RestoreResponse(participant, archived.Step, items, archived.SubmittedAt, archived.UpdatedAt)))
            {
                throw new DomainException(Text["Archive.TwoAnswers", archived.Participant, archived.Step + 1]);
            }
        }

        var boards = new List<ThemeBoard>();
        foreach (var archived in Boards)
        {
            if (archived.Step < 0 || archived.Step >= Activity.Prompts.Count || !Activity.Prompts[archived.Step].CanBeThemed)
            {
                throw new DomainException(Text["Archive.ThemesNotAllowed", archived.Step + 1]);
            }

            var board = ThemeBoard.Create(session.Id, archived.Step, now);
            board.AddThemes(
                (archived.Themes ?? []).Select(t => (t.Name, (IReadOnlyList<CardKey>)(t.Cards ?? [])
                    .Select(c => responses.TryGetValue((c.Participant, archived.Step), out var r) && r.Items.Any(i => i.Slot == c.Slot)
                        ? new CardKey(r.Id, c.Slot)
                        : throw new DomainException(Text["Archive.ThemeWithoutAnswer", archived.Step + 1]))
                    .ToList())),
                now);
            boards.Add(board);
        }

        return (session, participants.Values.ToList(), responses.Values.ToList(), boards);
    }
}
