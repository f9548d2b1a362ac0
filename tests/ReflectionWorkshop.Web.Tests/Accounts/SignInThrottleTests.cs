using Microsoft.Extensions.Configuration;
using ReflectionWorkshop.Web.Accounts;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>What holds an address off an email, and what lifts it (the defaults: 5 per address, 50 per email, 15 minutes).</summary>
public sealed class SignInThrottleTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly Clock _clock = new();

    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_clock, new ConfigurationBuilder().Build());

    private void Fail(string email, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.Failed(email, address);
        }
    }

    [Fact]
    public void Five_failures_hold_that_address_off_that_email_only_until_the_window_ends()
    {
        Fail("ana@example.org", "203.0.113.9", 4);
        var afterFour = _throttle.WaitFor("ana@example.org", "203.0.113.9");
        _throttle.Failed("ANA@example.org ", "203.0.113.9");

        Assert.Null(afterFour);
        Assert.Equal(TimeSpan.FromMinutes(15), _throttle.WaitFor("ana@example.org", "203.0.113.9"));
        Assert.Null(_throttle.WaitFor("ana@example.org", "198.51.100.7"));
        Assert.Null(_throttle.WaitFor("ben@example.org", "203.0.113.9"));
        _clock.Now += TimeSpan.FromMinutes(15);
        Assert.Null(_throttle.WaitFor("ana@example.org", "203.0.113.9"));
    }

    [Fact]
    public void Fifty_failures_from_many_addresses_hold_everyone_off_the_email_until_a_new_password()
    {
        for (var address = 0; address < 10; address++)
        {
            Fail("ana@example.org", $"203.0.113.{address}", 5);
        }

        Assert.NotNull(_throttle.WaitFor("ana@example.org", "198.51.100.7"));
        _throttle.Cleared("ana@example.org");
        Assert.Null(_throttle.WaitFor("ana@example.org", "198.51.100.7"));
        Assert.Null(_throttle.WaitFor("ana@example.org", "203.0.113.0"));
    }

    [Fact]
    public void A_success_forgets_that_addresses_earlier_slips()
    {
        Fail("ana@example.org", "203.0.113.9", 4);
        _throttle.Succeeded("ana@example.org", "203.0.113.9");
        Fail("ana@example.org", "203.0.113.9", 4);

        Assert.Null(_throttle.WaitFor("ana@example.org", "203.0.113.9"));
    }
}
