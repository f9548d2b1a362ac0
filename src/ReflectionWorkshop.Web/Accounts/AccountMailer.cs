namespace ReflectionWorkshop.Web.Accounts;

/// <summary>Sends the messages an account needs. Only password resets so far.</summary>
public interface IAccountMailer
{
    Task SendPasswordResetAsync(string email, string resetUrl, CancellationToken cancellationToken);
}

/// <summary>
/// Used when no mail sender is configured: writes the reset link to the log, where the person who runs
/// the installation can pass it on. Said so in the README.
/// </summary>
public sealed partial class LoggingAccountMailer(ILogger<LoggingAccountMailer> logger) : IAccountMailer
{
    public Task SendPasswordResetAsync(string email, string resetUrl, CancellationToken cancellationToken)
    {
        LogResetLink(email, resetUrl);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail sender is configured. Password reset link for {Email}: {ResetUrl}")]
    private partial void LogResetLink(string email, string resetUrl);
}
