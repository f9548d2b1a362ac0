using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>How a session's state and settings read to a facilitator, the same on every page, in their language.</summary>
public static class SessionLabels
{
    public static string State(SessionState state, IStringLocalizer<FacilitationText> text) => state switch
    {
        SessionState.Lobby => text["Labels.StateLobby"],
        SessionState.Running => text["Labels.StateRunning"],
        _ => text["Labels.StateClosed"],
    };

    public static string Anonymity(Anonymity anonymity, IStringLocalizer<FacilitationText> text) =>
        anonymity == Domain.Sessions.Anonymity.Anonymous ? text["Labels.Anonymous"] : text["Labels.Named"];
}
