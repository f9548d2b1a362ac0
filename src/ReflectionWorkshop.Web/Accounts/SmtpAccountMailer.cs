using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>
/// The <c>Mail</c> settings: the SMTP server a district gives the app. Without a host and a sender the app
/// sends nothing and writes reset links to its log instead (<see cref="LoggingAccountMailer"/>); the
/// administrator's page says which.
/// </summary>
public sealed class MailSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>MailKit's <see cref="SecureSocketOptions"/>: Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Reflection Workshop &lt;workshops@district.example&gt;</c>.</summary>
    public string? From { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Sends account emails over SMTP with MailKit, one connection per message (they are rare).</summary>
public sealed partial class SmtpAccountMailer(IOptions<MailSettings> options, ILogger<SmtpAccountMailer> logger) : IAccountMailer
{
    /// <summary>
    /// A server that is down is logged, never shown: the page that asked answers the same whether or not an
    /// account exists, so a failure to send must not answer differently either.
    /// </summary>
    public async Task SendAsync(AccountEmail email, string link, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = email.Body };
        message.Body.Headers.Add(HeaderId.ContentLanguage, email.Language.Name);
        if (email.Unsubscribe is { } unsubscribe)
        {
            // Mail programs show their own "unsubscribe" for it (RFC 2369); the link opens a page that asks first.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
        }

        try
        {
            using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(20).TotalMilliseconds };
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            LogSent(email.To, email.Subject);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or AuthenticationException or TimeoutException)
        {
            LogNotSent(ex, email.To, settings.Host!, settings.Port);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent \"{Subject}\" to {Email}")]
    private partial void LogSent(string email, string subject);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send an email to {Email} through {Host}:{Port}")]
    private partial void LogNotSent(Exception exception, string email, string host, int port);
}
