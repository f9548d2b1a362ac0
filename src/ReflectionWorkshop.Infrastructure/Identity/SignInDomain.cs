namespace ReflectionWorkshop.Infrastructure.Identity;

/// <summary>
/// One email domain (e.g. <c>district.example</c>, lower case, no <c>@</c>) whose addresses may sign in through
/// single sign-on. The administrator keeps the list on /admin; with no row, any domain may.
/// </summary>
public sealed class SignInDomain
{
    public const int MaxLength = 253;

    public string Domain { get; set; } = "";
}
