using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer library) on a free loopback port, keeping every message it accepts, so
/// tests read what the app really sent over the wire.
/// </summary>
public sealed class MailServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public MailServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Inbox(Received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>The settings that point the app at this server.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "Reflection Workshop <workshops@district.example>",
    };

    /// <summary>Waits (at most ten seconds) for the first message to <paramref name="to"/>.</summary>
    public Task<MimeMessage> MessageToAsync(string to) =>
        MessageAsync(m => m.To.Mailboxes.Any(b => b.Address == to), $"a message to {to}");

    /// <summary>Waits (at most ten seconds) for the first message that <paramref name="matches"/>; <paramref name="what"/> names it if none comes.</summary>
    public async Task<MimeMessage> MessageAsync(Func<MimeMessage, bool> matches, string what = "the message")
    {
        for (var i = 0; i < 200; i++)
        {
            if (Received.FirstOrDefault(matches) is { } message)
            {
                return message;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{what} never arrived; {Received.Count} other(s) did: {string.Join(" | ", Received.Select(m => $"{m.To} \"{m.Subject}\""))}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping cancels the listener.
        }

        _stop.Dispose();
    }

    private sealed class Inbox(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
