using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Domain.Tests.Sessions;

namespace ReflectionWorkshop.Domain.Tests.Spaces;

public sealed class SpaceTests
{
    [Fact]
    public void Creating_a_space_makes_its_creator_a_facilitator()
    {
        var (space, creator) = Space.Create("  Lincoln Elementary ILT ", "user-1", TestClock.Now);

        Assert.Equal("Lincoln Elementary ILT", space.Name);
        Assert.Equal((space.Id, "user-1", SpaceRole.Facilitator), (creator.SpaceId, creator.UserId, creator.Role));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_space_needs_a_name(string name)
    {
        var error = Assert.Throws<DomainException>(() => Space.Create(name, "user-1", TestClock.Now));

        Assert.Contains("Give the space a name", error.Message);
    }

    [Fact]
    public void A_space_name_over_the_limit_is_refused_with_its_length()
    {
        var error = Assert.Throws<DomainException>(() => Space.Create(new string('a', 81), "user-1", TestClock.Now));

        Assert.Contains("80 characters; this one has 81", error.Message);
    }

    [Fact]
    public void An_invite_gives_its_role_once()
    {
        var invite = Invite.Create(SessionBuilder.SpaceId, SpaceRole.Coach, "user-1", "hash", TestClock.Now);

        var member = invite.Accept("user-2", [], TestClock.MinutesLater(5));
        var again = Assert.Throws<DomainException>(() => invite.Accept("user-3", [], TestClock.MinutesLater(6)));

        Assert.Equal((SessionBuilder.SpaceId, "user-2", SpaceRole.Coach), (member!.SpaceId, member.UserId, member.Role));
        Assert.Contains("already been used", again.Message);
    }

    [Fact]
    public void An_expired_invite_is_refused_and_stays_unused()
    {
        var invite = Invite.Create(SessionBuilder.SpaceId, SpaceRole.Facilitator, "user-1", "hash", TestClock.Now);

        var error = Assert.Throws<DomainException>(() => invite.Accept("user-2", [], TestClock.Now + Invite.Lifetime));

        Assert.Contains("expired", error.Message);
        Assert.Null(invite.AcceptedAt);
    }

    [Fact]
    public void An_invite_accepted_by_a_member_adds_no_second_membership_but_is_used_up()
    {
        var (space, creator) = Space.Create("Lincoln", "user-1", TestClock.Now);
        var (elsewhere, sameUserElsewhere) = Space.Create("Another school", "user-2", TestClock.Now);
        var invite = Invite.Create(space.Id, SpaceRole.Coach, "user-1", "hash", TestClock.Now);
        var other = Invite.Create(space.Id, SpaceRole.Coach, "user-1", "hash-2", TestClock.Now);

        var member = invite.Accept("user-1", [creator], TestClock.MinutesLater(1));
        // A membership of another space, or of another person, does not count as being in this one.
        var joined = other.Accept("user-2", [sameUserElsewhere, creator], TestClock.MinutesLater(1));

        Assert.Null(member);
        Assert.Equal("user-1", invite.AcceptedBy);
        Assert.NotEqual(space.Id, elsewhere.Id);
        Assert.NotNull(joined);
        Assert.Equal(space.Id, joined.SpaceId);
    }

    [Fact]
    public void A_co_facilitator_can_take_over_a_running_session_but_not_a_closed_one()
    {
        var running = new SessionBuilder().OnStep(0);
        var closed = new SessionBuilder().Closed();

        running.TakeOver("user-2");

        Assert.Equal("user-2", running.FacilitatorId);
        Assert.Throws<DomainException>(() => closed.TakeOver("user-2"));
        Assert.Equal(SessionBuilder.FacilitatorId, closed.FacilitatorId);
    }
}
