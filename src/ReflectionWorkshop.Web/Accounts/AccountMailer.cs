using System.Globalization;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Accounts;

/// <summary>An email to one account holder, already written in the language they will read it in.</summary>
/// <param name="Unsubscribe">For a mail a person may turn off: the link that does (sent as <c>List-Unsubscribe</c> too).</param>
public sealed record AccountEmail(string To, CultureInfo Language, string Subject, string Body, string? Unsubscribe = null);

/// <summary>Sends the messages an account needs: password resets, finishing a registration (ADR-013), invites, summaries ready.</summary>
public interface IAccountMailer
{
    /// <param name="email">The message to send, written by <see cref="AccountEmails"/>.</param>
    /// <param name="link">The link the body carries, for a sender that can only pass the link on.</param>
    Task SendAsync(AccountEmail email, string link, CancellationToken cancellationToken);
}

/// <summary>Writes the account emails from AccountsText in a given language (the recipient's, not necessarily the request's).</summary>
public static class AccountEmails
{
    public static AccountEmail PasswordReset(IStringLocalizer<AccountsText> text, string to, string resetUrl, CultureInfo language) =>
        Write(text, to, language, "Email.ResetSubject", "Email.ResetIntro", "Email.ResetOpen", resetUrl, "Email.ResetRules");

    /// <summary>To an address no account has yet: the link that creates the account (proof the person reads this mailbox).</summary>
    public static AccountEmail FinishRegistration(IStringLocalizer<AccountsText> text, string to, string confirmUrl, CultureInfo language) =>
        Write(text, to, language, "Email.FinishSubject", "Email.FinishIntro", "Email.FinishOpen", confirmUrl, "Email.FinishRules");

    /// <summary>To an address that has an account, when someone registers with it: only its owner learns that it does.</summary>
    public static AccountEmail AlreadyRegistered(IStringLocalizer<AccountsText> text, string to, string forgotUrl, CultureInfo language) =>
        Write(text, to, language, "Email.ExistsSubject", "Email.ExistsIntro", "Email.ExistsOpen", forgotUrl, "Email.ExistsRules");

    /// <summary>To a colleague a facilitator invites into a space: the invite link, in the inviter's language.</summary>
    public static AccountEmail Invite(IStringLocalizer<AccountsText> text, string to, string inviteUrl, CultureInfo language, string inviter, string space)
    {
        var requestLanguage = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language;
        try
        {
            var body = string.Join("\n", text["Email.InviteIntro", inviter, space], "", text["Email.InviteOpen"], inviteUrl, "", text["Email.InviteRules"]);
            return new AccountEmail(to, language, text["Email.InviteSubject", inviter, space], body);
        }
        finally
        {
            CultureInfo.CurrentUICulture = requestLanguage;
        }
    }

    /// <summary>
    /// To a coach of the space, when one of its sessions has closed: what ran (its activity's title as the summary
    /// page shows it, the space, when) and the link to the summary, which asks them to sign in. Nothing about who
    /// took part or what anyone answered: the mailbox is not the app, and the page checks who reads it.
    /// </summary>
    public static AccountEmail SummaryReady(IStringLocalizer<AccountsText> text, string to, CultureInfo language, SummaryReadyFacts facts)
    {
        var (requestCulture, requestLanguage) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = language;
        CultureInfo.CurrentUICulture = language;
        try
        {
            // The times as the summary page writes them: in UTC, with the minutes it ran.
            var minutes = Math.Max(1, (int)Math.Round((facts.ClosedAt - facts.StartedAt).TotalMinutes));
            var ran = text[minutes == 1 ? "Email.SummaryRanOne" : "Email.SummaryRanMany", facts.StartedAt.UtcDateTime, minutes];
            var body = string.Join(
                "\n",
                text["Email.SummaryIntro", facts.Activity, facts.Space],
                ran,
                "",
                text["Email.SummaryOpen"],
                facts.SummaryUrl,
                "",
                text["Email.SummaryWhy", facts.Space],
                text["Email.SummaryStop"],
                facts.UnsubscribeUrl,
                text["Email.SummaryAccount"],
                facts.AccountUrl);
            return new AccountEmail(to, language, text["Email.SummarySubject", facts.Activity, facts.Space], body, facts.UnsubscribeUrl);
        }
        finally
        {
            CultureInfo.CurrentCulture = requestCulture;
            CultureInfo.CurrentUICulture = requestLanguage;
        }
    }

    private static AccountEmail Write(IStringLocalizer<AccountsText> text, string to, CultureInfo language, string subject, string intro, string open, string link, string rules)
    {
        // The localizer reads the current UI culture; switch it only while this email is written.
        var requestLanguage = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language;
        try
        {
            var body = string.Join("\n", text[intro], "", text[open], link, "", text[rules]);
            return new AccountEmail(to, language, text[subject], body);
        }
        finally
        {
            CultureInfo.CurrentUICulture = requestLanguage;
        }
    }
}

/// <summary>What a "summary is ready" mail says about the session, and its links (see <see cref="AccountEmails.SummaryReady"/>).</summary>
public sealed record SummaryReadyFacts(string Activity, string Space, DateTimeOffset StartedAt, DateTimeOffset ClosedAt, string SummaryUrl, string AccountUrl, string UnsubscribeUrl);

/// <summary>
/// Used when no mail sender is configured: writes the link to the log, where the person who runs
/// the installation can pass it on (said so in the README), followed by the email it stands for, in the
/// recipient's language, for them to forward as it is.
/// </summary>
public sealed partial class LoggingAccountMailer(ILogger<LoggingAccountMailer> logger) : IAccountMailer
{
    public Task SendAsync(AccountEmail email, string link, CancellationToken cancellationToken)
    {
        LogLink(email.Subject, email.To, link);
        LogEmail(email.To, email.Language.Name, email.Subject, email.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail sender is configured. \"{Subject}\" link for {Email}: {Link}")]
    private partial void LogLink(string subject, string email, string link);

    [LoggerMessage(Level = LogLevel.Information, Message = "The unsent email to {Email}, in {Language}:\nSubject: {Subject}\n\n{Body}")]
    private partial void LogEmail(string email, string language, string subject, string body);
}
