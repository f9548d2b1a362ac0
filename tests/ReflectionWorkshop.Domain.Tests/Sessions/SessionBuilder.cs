using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

/// <summary>Gets a session into the state a test needs, with the one-of-each activity unless told otherwise.</summary>
internal sealed class SessionBuilder
{
    public const string JoinCode = "ABC234";
    public const string FacilitatorId = "facilitator-1";

    public static readonly Guid SpaceId = Guid.Parse("5f1a3c2e-0000-4000-8000-000000000001");

    private Activity _activity = TestActivities.OneOfEachKind();
    private Anonymity _anonymity = Anonymity.Anonymous;

    public SessionBuilder For(Activity activity)
    {
        _activity = activity;
        return this;
    }

    public SessionBuilder Named()
    {
        _anonymity = Anonymity.Named;
        return this;
    }

    public Session InLobby() => Session.Create(_activity, JoinCode, _anonymity, SpaceId, FacilitatorId, TestClock.Now);

    /// <summary>A started session moved forward, one step at a time, to <paramref name="step"/>.</summary>
    public Session OnStep(int step)
    {
        var session = InLobby();
        session.Start(TestClock.MinutesLater(1));
        for (var from = 0; from < step; from++)
        {
            session.Advance(from);
        }

        return session;
    }

    public Session Closed()
    {
        var session = OnStep(0);
        session.Close(TestClock.MinutesLater(30));
        return session;
    }
}
