namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// The six characters a participant types to join. The alphabet leaves out look-alikes
/// (0/O, 1/I/L) so a code read off a projector from the back of a room is typed right first time.
/// </summary>
public static class JoinCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    public static string Generate(Random random)
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>
    /// Tidies what a person typed (case, spaces, dashes) and returns the code, or null when it cannot be
    /// a code at all, so the page can say so instead of looking it up.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var cleaned = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return cleaned.Length == Length && cleaned.All(Alphabet.Contains) ? cleaned : null;
    }
}
