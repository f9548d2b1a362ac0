namespace ReflectionWorkshop.Domain.Themes;

/// <summary>
/// The board changed under an edit (another facilitator renamed, moved or merged the same thing
/// first). Nothing of the edit is applied; the message says what happened instead.
/// </summary>
public sealed class ThemeConflictException(string message) : DomainException(message);
