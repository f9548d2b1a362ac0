using System.Globalization;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>An email to one account holder, already written in the language they will read it in.</summary>
public sealed record AccountEmail(string To, CultureInfo Language, string Subject, string Body);

/// <summary>Sends the messages an account needs. Only password resets so far.</summary>
public interface IAccountMailer
{
    /// <param name="email">The message to send, written by <see cref="AccountEmails.PasswordReset"/>.</param>
    /// <param name="resetUrl">The link the body carries, for a sender that can only pass the link on.</param>
    Task SendPasswordResetAsync(AccountEmail email, string resetUrl, CancellationToken cancellationToken);
}

/// <summary>Writes the account emails from AccountsText in a given language (the recipient's, not necessarily the request's).</summary>
public static class AccountEmails
{
    public static AccountEmail PasswordReset(IStringLocalizer<AccountsText> text, string to, string resetUrl, CultureInfo language)
    {
        // The localizer reads the current UI culture; switch it only while this email is written.
        var requestLanguage = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language;
        try
        {
            var body = string.Join(
                "\n",
                text["Email.ResetIntro"],
                "",
                text["Email.ResetOpen"],
                resetUrl,
                "",
                text["Email.ResetRules"]);
            return new AccountEmail(to, language, text["Email.ResetSubject"], body);
        }
        finally
        {
            CultureInfo.CurrentUICulture = requestLanguage;
        }
    }
}

/// <summary>
/// Used when no mail sender is configured: writes the reset link to the log, where the person who runs
/// the installation can pass it on (said so in the README), followed by the email it stands for, in the
/// recipient's language, for them to forward as it is.
/// </summary>
public sealed partial class LoggingAccountMailer(ILogger<LoggingAccountMailer> logger) : IAccountMailer
{
    public Task SendPasswordResetAsync(AccountEmail email, string resetUrl, CancellationToken cancellationToken)
    {
        LogResetLink(email.To, resetUrl);
        LogEmail(email.To, email.Language.Name, email.Subject, email.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail sender is configured. Password reset link for {Email}: {ResetUrl}")]
    private partial void LogResetLink(string email, string resetUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "The unsent email to {Email}, in {Language}:\nSubject: {Subject}\n\n{Body}")]
    private partial void LogEmail(string email, string language, string subject, string body);
}
