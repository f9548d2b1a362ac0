using System.Net;
using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate.Activities;

/// <summary>A space's activities are its own: other spaces never see them, coaches never edit them.</summary>
public sealed class ActivityAccessTests
{
    [Fact]
    public async Task A_facilitator_of_another_space_can_neither_see_edit_export_nor_run_it()
    {
        using var app = new WorkshopFactory();
        var owner = app.NewVisitor();
        await owner.SignUpAsync(spaceName: "North");
        var editor = await owner.BuildFiveCharacteristicsAsync();
        var id = await app.QueryAsync(db => db.CustomActivities.Select(a => a.Id).SingleAsync());
        var stranger = app.NewVisitor();
        await stranger.SignUpAsync(spaceName: "South");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(editor.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(editor.Url + "?handler=Export")).StatusCode);
        var ownEditor = await stranger.OpenNewActivityAsync();
        var post = await stranger.Client.PostAsync(editor.Url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", ownEditor.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("command", "save"),
            new("Input.Title", "Taken over"),
        ]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var list = await stranger.GetAsync("/facilitate/activities");
        Assert.DoesNotContain("Five characteristics", list.Text);
        var catalogue = await stranger.GetAsync("/facilitate");
        Assert.DoesNotContain("Five characteristics", catalogue.Text);
        var ownPage = await stranger.GetAsync($"/facilitate/start?customActivityId={id}");
        Assert.Contains(ownPage.FieldErrors, e => e.Contains("no longer in the catalogue"));
        var start = await stranger.GetAsync("/facilitate/start?activityId=two-team-compare");
        var started = await stranger.SubmitAsync(start, "form.start", ("customActivityId", id.ToString()));
        Assert.Contains(started.FieldErrors, e => e.Contains("no longer in the catalogue"));
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));
        var untouched = await app.QueryAsync(db => db.CustomActivities.AsNoTracking().SingleAsync());
        Assert.Equal("Five characteristics with a trust check", untouched.Definition.Title);
    }

    [Fact]
    public async Task A_coach_sees_the_space_activities_but_cannot_edit_or_make_them()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var editor = await facilitator.BuildFiveCharacteristicsAsync();
        var coach = app.NewVisitor();
        await coach.SignUpAsync(spaceName: null);
        await facilitator.AcceptInviteAsync(coach, "Coach");

        var list = await coach.GetAsync("/facilitate/activities");
        Assert.Contains("Five characteristics with a trust check", list.Text);
        Assert.Null(list.Document.QuerySelector("main form, main a[href^='/facilitate/activities/edit']:not([href*='handler'])"));
        Assert.Equal(HttpStatusCode.OK, (await coach.Client.GetAsync(editor.Url + "?handler=Export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Client.GetAsync(editor.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.Client.GetAsync("/facilitate/activities/edit")).StatusCode);

        var token = list.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await coach.Client.PostAsync(editor.Url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("command", "save"), new("Input.Title", "Coach edit")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var duplicate = await coach.Client.PostAsync("/facilitate/activities?handler=Duplicate", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("shippedId", "four-characteristics")]));
        Assert.Equal(HttpStatusCode.NotFound, duplicate.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.CustomActivities.CountAsync()));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in()
    {
        using var app = new WorkshopFactory();
        var response = await app.NewVisitor().Client.GetAsync("/facilitate/activities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.RedirectTarget());
    }
}
