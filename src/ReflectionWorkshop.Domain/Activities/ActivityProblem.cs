using System.Globalization;

namespace ReflectionWorkshop.Domain.Activities;

/// <summary>
/// One thing wrong with an activity, from a file (at a 1-based <see cref="Line"/>) or from the editor
/// (at a <see cref="Step"/> and <see cref="Field"/>). <see cref="Code"/> and <see cref="Args"/> let the
/// web show it in the reader's language; <see cref="Message"/> is the English text for logs and tests.
/// </summary>
public sealed record ActivityProblem(int Line, string Message)
{
    /// <summary>The resource key of the message, one of <see cref="ActivityMessages.English"/>.</summary>
    public string Code { get; init; } = "";

    public IReadOnlyList<object> Args { get; init; } = [];

    /// <summary>The zero-based step the problem is in; null for the activity's own fields.</summary>
    public int? Step { get; init; }

    /// <summary>The setting it is about, named as in the file: "title", "max", "themes-from"…; null for the whole step or file.</summary>
    public string? Field { get; init; }

    public static ActivityProblem Of(int line, string code, params object[] args) =>
        new(line, string.Format(CultureInfo.InvariantCulture, ActivityMessages.English[code], args)) { Code = code, Args = args };

    public static ActivityProblem At(int? step, string? field, string code, params object[] args) =>
        Of(0, code, args) with { Step = step, Field = field };

    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;

    /// <summary>Two problems are the same when everything, arguments included, reads the same.</summary>
    public bool Equals(ActivityProblem? other) =>
        other is not null && Line == other.Line && Message == other.Message && Code == other.Code
        && Step == other.Step && Field == other.Field && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Line, Message, Code, Step, Field);
}
