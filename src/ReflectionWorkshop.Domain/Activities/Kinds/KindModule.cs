using ReflectionWorkshop.Domain.Resources;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Activities.Kinds;

/// <summary>
/// Everything the domain knows about one kind of step, in the kind's own folder: the settings it takes
/// in the activity file (rows of <see cref="ActivityGrammar"/>), what an activity may hold for it
/// (<see cref="ActivityRules"/> asks), and what makes an answer acceptable (<see cref="AnswerRules"/> asks).
/// <see cref="PromptKinds"/> lists them all; the web keeps its half (the phone's input) in
/// <c>Web/Participation/Kinds</c>, one folder per kind too.
/// </summary>
public abstract class KindModule
{
    public abstract PromptKind Kind { get; }

    /// <summary>The kind as written in a step heading (<c>## list: …</c>).</summary>
    public string Name => Kind.ToString().ToLowerInvariant();

    /// <summary>Whether participants answer at this step (an <c>info</c> step takes none).</summary>
    public virtual bool TakesAnswers => true;

    /// <summary>Whether the answers are free text a facilitator sorts into themes (a vote's or a context's source).</summary>
    public virtual bool HasThemes => false;

    /// <summary>Whether a later step may show this step's top themes as context: a themed step, or a vote (its top-voted themes).</summary>
    public virtual bool GivesContext => HasThemes;

    /// <summary>The settings only this kind takes, in the order the file writes them.</summary>
    public virtual IReadOnlyList<StepSetting> Settings => [];

    /// <summary>File checks that need several of the kind's settings at once (each setting checks itself as it is read).</summary>
    internal virtual void CheckFile(Prompt prompt, FileStep step)
    {
    }

    /// <summary>What an activity may hold at a step of this kind, however it was written (editor or file).</summary>
    internal virtual void Check(Prompt prompt, StepRules rules)
    {
    }

    /// <summary>Whether a part of an answer is kept when the answer is stored (see <see cref="AnswerRules.Normalize"/>).</summary>
    public virtual bool Keeps(AnswerPart part) => part.Text.Length > 0;

    /// <summary>The kept parts, in slot order, as they are stored.</summary>
    public virtual IReadOnlyList<AnswerPart> Stored(IReadOnlyList<AnswerPart> parts) => parts;

    /// <summary>What is wrong with an answer at a step of this kind; each problem names its slot (null: the whole answer).</summary>
    public abstract void CheckAnswer(Prompt prompt, IReadOnlyList<AnswerPart> parts, List<AnswerProblem> problems);

    protected static string TooLong(int length, int limit) => DomainText.Format("Answer.TooLong", length, limit);
}
