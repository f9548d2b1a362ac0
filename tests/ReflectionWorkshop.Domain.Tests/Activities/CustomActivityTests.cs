using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Domain.Tests.Activities;

public sealed class CustomActivityTests
{
    private static readonly Guid Space = Guid.NewGuid();

    private static CustomActivity Create() =>
        CustomActivity.Create(Space, "five-characteristics", TestActivities.OneOfEachKind(), "user-1", TestClock.Now);

    private static Activity Retitled(CustomActivity activity, string title) => activity.Definition with { Title = title };

    [Fact]
    public void A_new_activity_takes_its_slug_as_its_id_and_starts_at_version_1()
    {
        var activity = Create();

        Assert.Equal("five-characteristics", activity.Definition.Id);
        Assert.Equal(1, activity.Version);
        Assert.False(activity.VersionUsed);
    }

    [Fact]
    public void An_invalid_activity_is_refused_with_every_problem()
    {
        var bad = TestActivities.OneOfEachKind() with { Title = "", Prompts = [TestActivities.List(minItems: 4, maxItems: 2)] };

        var refused = Assert.Throws<InvalidActivityException>(() => CustomActivity.Create(Space, "bad", bad, "user-1", TestClock.Now));

        Assert.Equal(["Rule.TitleMissing", "Rule.ListMinAboveMax"], refused.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Edits_before_any_session_stay_in_the_same_version()
    {
        var activity = Create();

        Assert.True(activity.Edit(Retitled(activity, "First"), "user-1", TestClock.MinutesLater(1)));
        Assert.True(activity.Edit(Retitled(activity, "Second"), "user-2", TestClock.MinutesLater(2)));

        Assert.Equal(1, activity.Version);
        Assert.Equal("Second", activity.Definition.Title);
        Assert.Equal("user-2", activity.UpdatedBy);
    }

    [Fact]
    public void The_first_run_of_a_version_keeps_it_and_the_next_edit_starts_a_new_one()
    {
        var activity = Create();

        var kept = activity.Use(TestClock.MinutesLater(1));
        Assert.NotNull(kept);
        Assert.Equal(1, kept.Number);
        Assert.Null(activity.Use(TestClock.MinutesLater(2)));

        activity.Edit(Retitled(activity, "Adapted"), "user-1", TestClock.MinutesLater(3));
        Assert.Equal(2, activity.Version);
        Assert.Equal("One of each", kept.Definition.Title);
        Assert.Equal(2, activity.Use(TestClock.MinutesLater(4))!.Number);
    }

    [Fact]
    public void Saving_the_same_content_changes_nothing()
    {
        var activity = Create();
        activity.Use(TestClock.Now);

        Assert.False(activity.Edit(activity.Definition with { Id = "anything" }, "user-2", TestClock.MinutesLater(5)));
        Assert.Equal(1, activity.Version);
        Assert.Equal("user-1", activity.UpdatedBy);
    }

    [Fact]
    public void An_invalid_edit_leaves_the_activity_as_it_was()
    {
        var activity = Create();

        Assert.Throws<InvalidActivityException>(() => activity.Edit(activity.Definition with { Prompts = [] }, "user-1", TestClock.Now));

        Assert.Equal(7, activity.Definition.Prompts.Count);
    }
}
