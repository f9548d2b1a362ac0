using System.Globalization;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.ActivityAuthoring;

/// <summary>
/// How the activity editor names its fields and which problems it shows beside them, in one place for the
/// page (Pages/Facilitate/Activities/Edit) and each kind's settings partial (<see cref="StepFields"/>).
/// Built once for each drawing of the page. A field is drawn by the editor's partial <c>_EditorField</c>
/// (<see cref="EditorField"/> is its model), a list of messages by <c>_EditorErrors</c>.
/// </summary>
public sealed class EditorFields(IReadOnlyList<ActivityProblem> problems, IStringLocalizer<AuthoringText> text, IReadOnlyList<StepDraft> steps)
{
    /// <summary>A field's id: "a-title" for the activity's own fields, "s1-min" for a step's (zero-based).</summary>
    public static string Id(int? step, string field) => step is { } s ? $"s{s}-{field}" : $"a-{field}";

    /// <summary>A step's field as the form posts it: "Input.Steps[1].MinItems".</summary>
    public static string Name(int step, string property) => $"Input.Steps[{step}].{property}";

    /// <summary>The fields of one step, for its kind's settings partial.</summary>
    public StepFields For(int step) => new(this, step, steps[step]);

    /// <summary>The messages about a field (with no field, about the whole step or the whole activity), in the reader's language.</summary>
    public IReadOnlyList<string> Errors(int? step, string? field) =>
        problems.Where(p => p.Step == step && p.Field == field).Select(p => text[p.Code, [.. p.Args]].Value).ToList();

    /// <summary>aria-invalid: "true" when the field has a message, otherwise none.</summary>
    public string? Invalid(int? step, string field) => Errors(step, field).Count > 0 ? "true" : null;

    /// <summary>aria-describedby: the hint's id, if any, then the message's, if any.</summary>
    public string? Described(int? step, string field, string? hint = null)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(hint);
        }

        if (Errors(step, field).Count > 0)
        {
            ids.Add(Id(step, field) + "-error");
        }

        return ids.Count > 0 ? string.Join(' ', ids) : null;
    }

    /// <summary>The messages shown under a field, or under a step's or the activity's heading when there is no field.</summary>
    public EditorErrors ErrorList(int? step, string? field) =>
        new(field is null ? (step is { } s ? $"step-{s}-errors" : "activity-errors") : Id(step, field) + "-error", Errors(step, field));

    public EditorField Text(int? step, string field, string name, string? value, string label, string? hint) =>
        Field(EditorControl.Text, step, field, name, value, label, hint);

    public EditorField Number(int? step, string field, string name, string? value, string label, string? hint) =>
        Field(EditorControl.Number, step, field, name, value, label, hint);

    public EditorField Area(int? step, string field, string name, string? value, string label, string? hint, int rows) =>
        Field(EditorControl.Area, step, field, name, value, label, hint) with { Rows = rows };

    /// <summary>A choice of one of the other steps, by number from 1; with <paramref name="allowNone"/>, or while none is chosen, also an empty choice.</summary>
    public EditorField StepPicker(int step, string field, string name, string? value, string label, string hint, bool allowNone) =>
        Field(EditorControl.StepPicker, step, field, name, value, label, hint) with
        {
            AllowNone = allowNone,
            Steps = Enumerable.Range(0, steps.Count).Where(s => s != step).Select(s => ((s + 1).ToString(CultureInfo.InvariantCulture), StepOption(s))).ToList(),
        };

    private EditorField Field(EditorControl control, int? step, string field, string name, string? value, string label, string? hint)
    {
        var id = Id(step, field);
        var hintId = hint is null ? null : id + "-hint";
        return new EditorField(control, id, name, value, label, hint, hintId, Invalid(step, field), Described(step, field, hintId), ErrorList(step, field));
    }

    private string StepOption(int s) =>
        text["Editor.StepOption", s + 1, string.IsNullOrWhiteSpace(steps[s].Title) ? text["Editor.Untitled"].Value : steps[s].Title!].Value;
}

/// <summary>The kinds of control an editor field is drawn as.</summary>
public enum EditorControl
{
    Text,
    Number,
    Area,
    StepPicker,
}

/// <summary>
/// One field of the activity editor as <c>_EditorField</c> draws it: a label, an optional hint, the control
/// and the messages about it, with the ids and aria attributes that tie them together.
/// </summary>
public sealed record EditorField(
    EditorControl Control,
    string Id,
    string Name,
    string? Value,
    string Label,
    string? Hint,
    string? HintId,
    string? Invalid,
    string? DescribedBy,
    EditorErrors Errors)
{
    /// <summary>A text area's height, in lines.</summary>
    public int Rows { get; init; }

    /// <summary>A step picker offers "none" even when a step is chosen.</summary>
    public bool AllowNone { get; init; }

    /// <summary>A step picker's choices: the other steps' numbers (from 1) and how each is named.</summary>
    public IReadOnlyList<(string Value, string Text)> Steps { get; init; } = [];
}

/// <summary>The messages <c>_EditorErrors</c> draws under a field or heading (nothing when there are none), and the id that field's aria-describedby names.</summary>
public sealed record EditorErrors(string Id, IReadOnlyList<string> Messages);

/// <summary>
/// One step's fields in the editor: the model of a kind's settings partial
/// (<c>Participation/Kinds/&lt;Kind&gt;/_&lt;Kind&gt;Settings.cshtml</c>), which draws each field through
/// <c>_EditorField</c> like the page does. <see cref="Input"/> is the step as typed.
/// </summary>
public sealed record StepFields(EditorFields Editor, int Step, StepDraft Input)
{
    public string Id(string field) => EditorFields.Id(Step, field);

    public string Name(string property) => EditorFields.Name(Step, property);

    public EditorField Text(string field, string property, string? value, string label, string? hint) =>
        Editor.Text(Step, field, Name(property), value, label, hint);

    public EditorField Number(string field, string property, string? value, string label, string? hint) =>
        Editor.Number(Step, field, Name(property), value, label, hint);

    public EditorField Area(string field, string property, string? value, string label, string? hint, int rows) =>
        Editor.Area(Step, field, Name(property), value, label, hint, rows);

    public EditorField StepPicker(string field, string property, string? value, string label, string hint, bool allowNone) =>
        Editor.StepPicker(Step, field, Name(property), value, label, hint, allowNone);
}
