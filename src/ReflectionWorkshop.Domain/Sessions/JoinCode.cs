using System.Security.Cryptography;

namespace ReflectionWorkshop.Domain.Sessions;

/// <summary>
/// The six characters a participant types to join. The alphabet leaves out look-alikes
/// (0/O, 1/I/L) so a code read off a projector from the back of a room is typed right first time.
/// </summary>
public static class JoinCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

    /// <summary>
    /// A new code from the operating system's cryptographic generator: a code is the only key to a room, so the
    /// next one must not be guessable from the last (issue 18: codes came from <see cref="Random.Shared"/>).
    /// </summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, Length);

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
