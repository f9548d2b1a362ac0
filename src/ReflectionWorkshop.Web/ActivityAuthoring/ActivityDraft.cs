using System.Globalization;
using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Web.ActivityAuthoring;

/// <summary>
/// The editor's form, exactly as typed: numbers stay text until they are read, so a wrong value comes
/// back to the person as they wrote it, with a message beside it. Lists (scale labels, rated things,
/// options) are one entry per line.
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
        int? Number(int? step, string field, string? value, int? fallback)
        {
            var text = value?.Trim() ?? "";
            if (text.Length == 0)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            unreadable.Add(new ActivityProblem(0, $"'{text}' is not a whole number.") { Code = "Editor.NotANumber", Args = [text], Step = step, Field = field });
            return fallback;
        }

        var prompts = new List<Prompt>();
        for (var i = 0; i < Steps.Count; i++)
        {
            var s = Steps[i];
            int? Setting(string field, string? value, int? fallback) => Number(i, field, value, fallback);
            var prompt = new Prompt { Kind = s.Kind, Title = OneLine(s.Title), Body = (s.Body ?? "").ReplaceLineEndings("\n").Trim() };
            prompt = s.Kind switch
            {
                PromptKind.Text => prompt with { MaxLength = Setting("max-length", s.MaxLength, AnswerLimits.TextMaxLength)!.Value },
                PromptKind.List => prompt with
                {
                    MinItems = Setting("min", s.MinItems, 1)!.Value,
                    MaxItems = Setting("max", s.MaxItems, 0)!.Value,
                    ItemLabel = OneLine(s.ItemLabel) is { Length: > 0 } label ? label : "Item",
                },
                PromptKind.Compare => prompt with { LeftLabel = OneLine(s.Left), RightLabel = OneLine(s.Right) },
                PromptKind.Rating => prompt with
                {
                    Scale = Lines(s.Scale),
                    Items = Lines(s.Items),
                    AnonymityFloor = Setting("anonymity-floor", s.AnonymityFloor, Prompt.DefaultAnonymityFloor)!.Value,
                },
                PromptKind.Choice => prompt with { Options = Lines(s.Options), Multiple = s.Multiple },
                PromptKind.Vote => prompt with
                {
                    ThemesFrom = Setting("themes-from", s.ThemesFrom, null) - 1,
                    Dots = Setting("dots", s.Dots, Prompt.DefaultDots)!.Value,
                },
                _ => prompt,
            };

            // The select offers only the three rules; anything else a browser could send means the default.
            prompt = prompt with { TimerMinutes = Setting("timer", s.Timer, null), Reveal = RevealRules.Parse(s.Reveal) ?? RevealRule.Manual };
            if (Setting("context-from", s.ContextFrom, null) is { } context)
            {
                prompt = prompt with { ContextFrom = context - 1, ContextTop = Setting("context-top", s.ContextTop, Prompt.DefaultContextTop)!.Value };
            }

            prompts.Add(prompt);
        }

        var activity = new Activity
        {
            Id = id,
            Title = OneLine(Title),
            Purpose = OneLine(Purpose),
            Language = OneLine(Language) is { Length: > 0 } language ? language : "en",
            Minutes = Number(null, "minutes", Minutes, null),
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

    /// <summary>Appends a step of <paramref name="kind"/>; a vote starts on the latest earlier step that has themes.</summary>
    public void Add(PromptKind kind)
    {
        var step = StepDraft.New(kind);
        if (kind == PromptKind.Vote)
        {
            var source = Steps.FindLastIndex(s => s.Kind is PromptKind.Text or PromptKind.List or PromptKind.Compare);
            step.ThemesFrom = source >= 0 ? (source + 1).ToString(CultureInfo.InvariantCulture) : null;
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
            s.ThemesFrom = Follow(s.ThemesFrom);
            s.ContextFrom = Follow(s.ContextFrom);
        }
    }

    private static string OneLine(string? value) => (value ?? "").ReplaceLineEndings(" ").Trim();

    private static List<string> Lines(string? value) =>
        (value ?? "").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}

/// <summary>One step of the editor's form; only the settings of its <see cref="Kind"/> are shown and read.</summary>
public sealed class StepDraft
{
    public PromptKind Kind { get; set; }

    public string? Title { get; set; }

    public string? Body { get; set; }

    public string? MaxLength { get; set; }

    public string? MinItems { get; set; }

    public string? MaxItems { get; set; }

    public string? ItemLabel { get; set; }

    public string? Left { get; set; }

    public string? Right { get; set; }

    /// <summary>One label per line, lowest first.</summary>
    public string? Scale { get; set; }

    /// <summary>One thing to rate per line.</summary>
    public string? Items { get; set; }

    public string? AnonymityFloor { get; set; }

    /// <summary>One option per line.</summary>
    public string? Options { get; set; }

    public bool Multiple { get; set; }

    /// <summary>The step number (from 1) whose themes a vote offers.</summary>
    public string? ThemesFrom { get; set; }

    public string? Dots { get; set; }

    /// <summary>The step number (from 1) whose top themes are shown as context; empty for none.</summary>
    public string? ContextFrom { get; set; }

    public string? ContextTop { get; set; }

    /// <summary>The timer the control page offers first, in minutes; empty for the usual one.</summary>
    public string? Timer { get; set; }

    /// <summary>When the projector shows the answers: "manual", "live" or "on-lock" (<see cref="RevealRules"/>).</summary>
    public string Reveal { get; set; } = RevealRules.Name(RevealRule.Manual);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static StepDraft New(PromptKind kind) => From(new Prompt
    {
        Kind = kind,
        Title = "",
        MaxItems = 3,
    });

    public static StepDraft From(Prompt prompt) => new()
    {
        Kind = prompt.Kind,
        Title = prompt.Title,
        Body = prompt.Body,
        MaxLength = N(prompt.MaxLength),
        MinItems = N(prompt.MinItems),
        MaxItems = N(prompt.MaxItems),
        ItemLabel = prompt.ItemLabel,
        Left = prompt.LeftLabel,
        Right = prompt.RightLabel,
        Scale = string.Join('\n', prompt.Scale),
        Items = string.Join('\n', prompt.Items),
        AnonymityFloor = N(prompt.AnonymityFloor),
        Options = string.Join('\n', prompt.Options),
        Multiple = prompt.Multiple,
        ThemesFrom = prompt.ThemesFrom is { } source ? N(source + 1) : null,
        Dots = N(prompt.Dots),
        ContextFrom = prompt.ContextFrom is { } context ? N(context + 1) : null,
        ContextTop = N(prompt.ContextTop),
        Timer = prompt.TimerMinutes is { } timer ? N(timer) : null,
        Reveal = RevealRules.Name(prompt.Reveal),
    };
}
