using System.Collections.Concurrent;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>
/// Failed sign-ins, counted by the email typed (whether or not an account has it) and the address they came
/// from. Issue 18: Identity's own lockout let anyone lock a known account for five minutes at will, and its
/// message showed only for real accounts. Here an address that failed <c>SignIn:PerAddressFailures</c> times
/// (default 5) for one email in <c>SignIn:WindowMinutes</c> (default 15) is held off that email for the rest of
/// the window, while its owner elsewhere still signs in; only failures from many addresses together
/// (<c>SignIn:PerEmailFailures</c>, default 50) hold off everyone. Existing and unknown emails are treated the
/// same, so the hold tells nothing. A success, or a new password, clears the count. Counted in this process.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private readonly record struct Window(DateTimeOffset Start, int Failures);

    private TimeSpan Length => TimeSpan.FromMinutes(configuration.GetValue("SignIn:WindowMinutes", 15));

    /// <summary>How long this address must wait before trying this email again, or null when it may try now.</summary>
    public TimeSpan? WaitFor(string email, string address)
    {
        var now = clock.GetUtcNow();
        TimeSpan? Held(string key, int limit) =>
            _windows.TryGetValue(key, out var window) && window.Failures >= limit && window.Start + Length > now ? window.Start + Length - now : null;

        return Held(PairKey(email, address), configuration.GetValue("SignIn:PerAddressFailures", 5))
            ?? Held(EmailKey(email), configuration.GetValue("SignIn:PerEmailFailures", 50));
    }

    public void Failed(string email, string address)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > MaxEntries)
        {
            foreach (var (key, window) in _windows.Where(w => w.Value.Start + Length <= now))
            {
                _windows.TryRemove(key, out _);
            }
        }

        foreach (var key in new[] { PairKey(email, address), EmailKey(email) })
        {
            _windows.AddOrUpdate(key, new Window(now, 1), (_, window) => window.Start + Length <= now ? new Window(now, 1) : window with { Failures = window.Failures + 1 });
        }
    }

    /// <summary>The right password from this address: its earlier slips are forgotten.</summary>
    public void Succeeded(string email, string address) => _windows.TryRemove(PairKey(email, address), out _);

    /// <summary>A new password was set through a reset link: no hold on the email outlasts it.</summary>
    public void Cleared(string email)
    {
        var prefix = EmailKey(email);
        foreach (var key in _windows.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _windows.TryRemove(key, out _);
        }
    }

    private static string EmailKey(string email) => email.Trim().ToUpperInvariant() + "\n";

    private static string PairKey(string email, string address) => EmailKey(email) + address;
}
