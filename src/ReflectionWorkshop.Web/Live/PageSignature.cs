using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Web.Live;

/// <summary>
/// What a watched page (control page, theme board) showed, as one string: when its poll (used while the live
/// connection is down) answers a different one, the page re-reads itself. The page and its poll both build it
/// here, from the same reading, so they cannot disagree (issue 20: the copies disagreed in self-paced and closed
/// sessions, and the page reloaded every five seconds).
/// </summary>
public static class PageSignature
{
    public static string Of(Session session, int participants, int answers, DateTimeOffset? latest) =>
        string.Join('|', session.State, session.CurrentStep, participants, answers, latest?.ToUnixTimeMilliseconds() ?? 0);
}
