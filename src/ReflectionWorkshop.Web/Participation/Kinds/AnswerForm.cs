using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary>
/// The web's half of a kind of step (the domain's is <c>Domain/Activities/Kinds</c>): which fields of the
/// phone's form (<see cref="AnswerInput"/>) the kind uses and how they become an answer, and the one
/// partial that draws them, on the phone (Pages/Play) and in the editor's preview alike
/// (<see cref="AnswerFields"/> is its model); and the partial that draws the kind's own settings in the
/// activity editor (<see cref="SettingsPartial"/>). <see cref="AnswerForms"/> lists them all.
/// </summary>
public abstract class AnswerForm
{
    public abstract PromptKind Kind { get; }

    /// <summary>The partial that draws the kind's fields, by its path.</summary>
    public string Partial => InFolder("");

    /// <summary>
    /// The partial that draws the kind's own settings in the activity editor (Pages/Facilitate/Activities/Edit),
    /// by its path, <c>_&lt;Kind&gt;Settings.cshtml</c> next to <see cref="Partial"/>; its model is the step's
    /// <see cref="ActivityAuthoring.StepFields"/>. Null for a kind with no settings of its own.
    /// </summary>
    public virtual string? SettingsPartial => InFolder("Settings");

    /// <summary>
    /// Notes the editor's preview shows under the kind's fields about what the phone will show once the session runs
    /// (a rating's anonymity floor, where a vote's ballot comes from), by path (<c>_&lt;Kind&gt;PreviewNotes.cshtml</c>);
    /// its model is the <see cref="ActivityAuthoring.PhonePreview"/>. Null for a kind with none.
    /// </summary>
    public virtual string? PreviewNotesPartial => null;

    /// <summary>The phone's save button: a key of <see cref="Resources.ParticipantText"/> (the editor's preview shows the same words).</summary>
    public virtual string SaveLabel => "Play.SaveAnswer";

    /// <summary>The prompt as the editor's preview draws it; a kind whose options only the session gives (a vote's ballot) shows samples.</summary>
    /// <param name="authoring">The editor's words (<see cref="Resources.AuthoringText"/>).</param>
    public virtual Prompt ForPreview(Prompt prompt, IStringLocalizer authoring) => prompt;

    /// <summary>A partial of the kind's folder: <c>_&lt;Kind&gt;&lt;name&gt;.cshtml</c>.</summary>
    protected string InFolder(string name) => $"~/Participation/Kinds/{Kind}/_{Kind}{name}.cshtml";

    /// <summary>The answer the posted fields make.</summary>
    public abstract IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input);

    /// <summary>Fills the fields from a stored answer, so "Change my answer" starts from what was saved.</summary>
    public virtual void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items)
    {
    }

    /// <summary>
    /// A stored answer as plain text lines, for the participant's take-away file (<see cref="Reports.AnswerText"/>):
    /// by default each item's text, in slot order.
    /// </summary>
    /// <param name="reports">The reports' words (<see cref="Resources.ReportsText"/>), in the participant's language.</param>
    public virtual IEnumerable<string> AnswerLines(Prompt prompt, IReadOnlyList<ResponseItem> items, IStringLocalizer reports) =>
        items.Select(i => i.Text);

    /// <summary>The form field an answer problem about <paramref name="slot"/> belongs to, so the message appears next to it.</summary>
    public virtual string FieldFor(int slot) => "Input";
}
