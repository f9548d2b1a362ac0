using System.Threading.RateLimiting;

namespace ReflectionWorkshop.Web.Participation;

/// <summary>
/// Codes that match no session, counted per address (issue 18: 300 random codes in 1.2 s told which ones were
/// real). A person mistypes a code now and then, and a whole school shares one address, so the allowance is
/// generous (<c>RateLimits:unknown-codes</c>, by default 60 in 10 minutes); once it is used up, every code
/// looked up from that address is refused until the window ends, a real one too, so a refusal tells nothing.
/// Counted in this process (each instance of a farm counts its own).
/// </summary>
public sealed class CodeGuesses : IDisposable
{
    private readonly PartitionedRateLimiter<string> _misses;

    public CodeGuesses(IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:unknown-codes:PermitsPerWindow", 60);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimits:unknown-codes:WindowSeconds", 600));
        _misses = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));
    }

    /// <summary>How long this address must wait before looking up any code, or null when it may.</summary>
    public TimeSpan? WaitFor(HttpContext context)
    {
        // Asking for no permit succeeds while any are left, and says how long until the next window when none are.
        using var lease = _misses.AttemptAcquire(RateLimits.Address(context), 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
    }

    /// <summary>A well-formed code that matched no session was looked up from this address.</summary>
    public void Missed(HttpContext context) => _misses.AttemptAcquire(RateLimits.Address(context)).Dispose();

    public void Dispose() => _misses.Dispose();
}
