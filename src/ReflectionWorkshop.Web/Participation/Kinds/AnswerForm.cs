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
    public string Partial => $"~/Participation/Kinds/{Kind}/_{Kind}.cshtml";

    /// <summary>
    /// The partial that draws the kind's own settings in the activity editor (Pages/Facilitate/Activities/Edit),
    /// by its path, <c>_&lt;Kind&gt;Settings.cshtml</c> next to <see cref="Partial"/>; its model is the step's
    /// <see cref="ActivityAuthoring.StepFields"/>. Null for a kind with no settings of its own.
    /// </summary>
    public virtual string? SettingsPartial => $"~/Participation/Kinds/{Kind}/_{Kind}Settings.cshtml";

    /// <summary>The answer the posted fields make.</summary>
    public abstract IReadOnlyList<AnswerPart> ToAnswer(Prompt prompt, AnswerInput input);

    /// <summary>Fills the fields from a stored answer, so "Change my answer" starts from what was saved.</summary>
    public virtual void Fill(AnswerInput input, Prompt prompt, IReadOnlyList<ResponseItem> items)
    {
    }

    /// <summary>The form field an answer problem about <paramref name="slot"/> belongs to, so the message appears next to it.</summary>
    public virtual string FieldFor(int slot) => "Input";
}
