using Microsoft.AspNetCore.SignalR.Client;

namespace ReflectionWorkshop.TestSupport;

/// <summary>Messages a live connection received, and a way to wait for the one a test expects.</summary>
public sealed class Inbox<T>(TimeSpan patience)
{
    private readonly List<T> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>How long <see cref="WaitForAsync(Func{T, bool}, string?)"/> waits.</summary>
    public TimeSpan Patience { get; } = patience;

    public IReadOnlyList<T> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Add(T message)
    {
        lock (_received)
        {
            _received.Add(message);
        }

        _arrived.Release();
    }

    /// <summary>The first message (received so far or still to come) <paramref name="wanted"/> accepts; <paramref name="what"/> names it in the time-out.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> wanted, string? what = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(wanted) is { } found)
            {
                return found;
            }

            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }

        var prefix = what is null ? "No matching message arrived" : $"{what}: nothing arrived";
        throw new TimeoutException($"{prefix} within {Patience.TotalSeconds} s; received: {string.Join(", ", Received)}");
    }
}

public static class InboxExtensions
{
    /// <summary>Collects what the hub sends <paramref name="connection"/> under <paramref name="method"/>.</summary>
    public static Inbox<T> Collect<T>(this HubConnection connection, string method, TimeSpan patience)
    {
        var inbox = new Inbox<T>(patience);
        connection.On<T>(method, inbox.Add);
        return inbox;
    }
}
