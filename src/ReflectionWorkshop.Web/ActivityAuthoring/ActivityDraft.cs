using System.Globalization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Activities.Kinds;

namespace ReflectionWorkshop.Web.ActivityAuthoring;

/// <summary>
/// The editor's form, exactly as typed: numbers stay text until they are read, so a wrong value comes
/// back to the person as they wrote it, with a message beside it. Lists (scale labels, rated things,
/// options) are one entry per line. How each setting is read and shown is the grammar's
/// (<see cref="ActivityGrammar"/>), as for the file.
/// </summary>
public sealed class ActivityDraft
{
    public string? Title { get; set; }

    public string? Purpose { get; set; }

    public string? Language { get; set; } = "en";

    public string? Minutes { get; set; }

    public List<StepDraft> Steps { get; set; } = [];

    /// <summary>When the activity was last saved, as the editor saw it (UTC ticks); 0 for a new one.</summary>
    public long Stamp { get; set; }

    public static ActivityDraft From(Activity activity, long stamp) => new()
    {
        Title = activity.Title,
        Purpose = activity.Purpose,
        Language = activity.Language,
        Minutes = activity.Minutes?.ToString(CultureInfo.InvariantCulture),
        Steps = activity.Prompts.Select(StepDraft.From).ToList(),
        Stamp = stamp,
    };

    /// <summary>
    /// The activity this draft describes, and the values that are not whole numbers. A value that cannot
    /// be read is replaced by its default, so the rules do not report the same field twice.
    /// </summary>
    public (Activity Activity, IReadOnlyList<ActivityProblem> Unreadable) Read(string id)
    {
        var unreadable = new List<ActivityProblem>();
        var prompts = new List<Prompt>();
        for (var i = 0; i < Steps.Count; i++)
        {
            // Each setting the step's kind takes reads itself from the form (ActivityGrammar).
            var s = Steps[i];
            var typed = new TypedSettings(i, s.Value);
            var prompt = new Prompt { Kind = s.Kind, Title = OneLine(s.Title), Body = (s.Body ?? "").ReplaceLineEndings("\n").Trim() };
            foreach (var setting in ActivityGrammar.For(s.Kind))
            {
                prompt = setting.ReadTyped(prompt, typed);
            }

            unreadable.AddRange(typed.Unreadable);
            prompts.Add(prompt);
        }

        var activity = new Activity
        {
            Id = id,
            Title = OneLine(Title),
            Purpose = OneLine(Purpose),
            Language = OneLine(Language) is { Length: > 0 } language ? language : "en",
            Minutes = TypedSettings.ReadNumber(null, "minutes", Minutes, null, unreadable),
            Prompts = prompts,
        };
        return (activity, unreadable);
    }

    /// <summary>Every problem with the draft: unreadable numbers first, then the rules (none twice for one field).</summary>
    public (Activity Activity, IReadOnlyList<ActivityProblem> Problems) Check(string id)
    {
        var (activity, unreadable) = Read(id);
        var ruled = ActivityRules.Validate(activity).Where(p => !unreadable.Any(u => u.Step == p.Step && u.Field == p.Field));
        return (activity, [.. unreadable, .. ruled]);
    }

    /// <summary>
    /// Appends a step of <paramref name="kind"/>. A setting of the kind's own that names an earlier step (a vote's
    /// <c>themes-from</c>) starts on the latest step it may name.
    /// </summary>
    public void Add(PromptKind kind)
    {
        var step = StepDraft.New(kind);
        foreach (var setting in PromptKinds.Of(kind).Settings)
        {
            if (setting.Reference is { } reference)
            {
                var target = Steps.FindLastIndex(s => reference.Accepts(PromptKinds.Of(s.Kind)));
                step.Set(setting.Name, target >= 0 ? (target + 1).ToString(CultureInfo.InvariantCulture) : null);
            }
        }

        Steps.Add(step);
    }

    /// <summary>Moves a step; steps that pointed at a step keep pointing at the same one.</summary>
    public void Move(int step, int by)
    {
        var target = step + by;
        if (step < 0 || step >= Steps.Count || target < 0 || target >= Steps.Count)
        {
            return;
        }

        var order = Enumerable.Range(0, Steps.Count).ToList();
        order.RemoveAt(step);
        order.Insert(target, step);
        Renumber(order);
    }

    /// <summary>Removes a step; references to it are cleared (and then reported where they are required).</summary>
    public void Remove(int step)
    {
        if (step < 0 || step >= Steps.Count)
        {
            return;
        }

        Renumber(Enumerable.Range(0, Steps.Count).Where(i => i != step).ToList());
    }

    /// <summary>Puts the steps in the new order (old indexes), rewriting "step N" references to follow their step.</summary>
    private void Renumber(List<int> order)
    {
        var newNumber = order.Select((old, index) => (old, index)).ToDictionary(p => p.old + 1, p => p.index + 1);
        string? Follow(string? reference) =>
            int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= Steps.Count
                ? newNumber.TryGetValue(number, out var moved) ? moved.ToString(CultureInfo.InvariantCulture) : null
                : reference;

        Steps = order.Select(old => Steps[old]).ToList();
        foreach (var s in Steps)
        {
            foreach (var reference in ActivityGrammar.All.Where(setting => setting.Reference is not null))
            {
                s.Set(reference.Name, Follow(s.Value(reference.Name)));
            }
        }
    }

    private static string OneLine(string? value) => (value ?? "").ReplaceLineEndings(" ").Trim();
}

/// <summary>
/// One step of the editor's form; only the settings of its <see cref="Kind"/> are shown and read. The
/// settings are kept as typed, by their name in the file (<see cref="ActivityGrammar"/>); the properties
/// below are the form's field names for them.
/// </summary>
public sealed class StepDraft
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public PromptKind Kind { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    /// <summary>A setting as typed, by its name in the file ("max-length").</summary>
    public string? Value(string setting) => _values.GetValueOrDefault(setting);

    public void Set(string setting, string? value) => _values[setting] = value;

    public string? MaxLength { get => Value("max-length"); set => Set("max-length", value); }

    public string? MinItems { get => Value("min"); set => Set("min", value); }

    public string? MaxItems { get => Value("max"); set => Set("max", value); }

    public string? ItemLabel { get => Value("item-label"); set => Set("item-label", value); }

    /// <summary>List steps: the items are actions (the summary lists every one).</summary>
    public bool Actions { get => IsTrue("actions"); set => Set("actions", value ? "true" : null); }

    public string? Left { get => Value("left"); set => Set("left", value); }

    public string? Right { get => Value("right"); set => Set("right", value); }

    /// <summary>One label per line, lowest first.</summary>
    public string? Scale { get => Value("scale"); set => Set("scale", value); }

    /// <summary>One thing to rate per line.</summary>
    public string? Items { get => Value("item"); set => Set("item", value); }

    public string? AnonymityFloor { get => Value("anonymity-floor"); set => Set("anonymity-floor", value); }

    /// <summary>One option per line.</summary>
    public string? Options { get => Value("option"); set => Set("option", value); }

    public bool Multiple { get => IsTrue("multiple"); set => Set("multiple", value ? "true" : null); }

    /// <summary>The step number (from 1) whose themes a vote offers.</summary>
    public string? ThemesFrom { get => Value("themes-from"); set => Set("themes-from", value); }

    public string? Dots { get => Value("dots"); set => Set("dots", value); }

    /// <summary>The step number (from 1) whose top themes are shown as context; empty for none.</summary>
    public string? ContextFrom { get => Value("context-from"); set => Set("context-from", value); }

    public string? ContextTop { get => Value("context-top"); set => Set("context-top", value); }

    /// <summary>The timer the control page offers first, in minutes; empty for the usual one.</summary>
    public string? Timer { get => Value("timer"); set => Set("timer", value); }

    /// <summary>When the projector shows the answers: "manual", "live" or "on-lock" (<see cref="RevealRules"/>).</summary>
    public string Reveal { get => Value("reveal") ?? RevealRules.Name(RevealRule.Manual); set => Set("reveal", value); }

    private bool IsTrue(string setting) => string.Equals(Value(setting), "true", StringComparison.OrdinalIgnoreCase);

    public static StepDraft New(PromptKind kind) => From(new Prompt
    {
        Kind = kind,
        Title = "",
        MaxItems = 3,
    });

    /// <summary>The form for <paramref name="prompt"/>: every setting of every kind at the prompt's value, so switching what is shown loses nothing.</summary>
    public static StepDraft From(Prompt prompt)
    {
        var step = new StepDraft { Kind = prompt.Kind, Title = prompt.Title, Body = prompt.Body };
        foreach (var setting in ActivityGrammar.All)
        {
            step.Set(setting.Name, setting.Typed(prompt));
        }

        return step;
    }
}
