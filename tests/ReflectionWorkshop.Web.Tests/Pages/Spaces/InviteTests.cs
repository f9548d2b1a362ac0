using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Spaces;

public sealed class InviteTests : IClassFixture<SharedWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public InviteTests(SharedWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    [Fact]
    public async Task An_invite_link_brings_a_colleague_into_the_space_with_its_role()
    {
        await _facilitator.SignUpAsync(spaceName: "Maple team");
        var link = await _facilitator.CreateInviteLinkAsync(await _facilitator.CurrentSpaceIdAsync(), "Coach");
        var colleague = _app.NewVisitor();
        await colleague.SignUpAsync(name: "Cora Coach", spaceName: null);

        var invite = await colleague.GetAsync(link);
        var joined = await colleague.SubmitAsync(invite, "main form");
        var spaces = await colleague.GetAsync("/spaces");

        Assert.Equal("Join “Maple team”", invite.H1);
        Assert.Contains("You are invited as a coach", invite.Text);
        Assert.Equal("/facilitate", joined.Url);
        Assert.Contains("You are a coach in Maple team", joined.Text);
        var row = spaces.Document.QuerySelector("tbody tr")!.Children.Select(td => td.TextContent.Trim()).Take(3).ToList();
        Assert.Equal(["Maple team", "Coach", "2"], row);
    }

    [Fact]
    public async Task An_invite_link_works_once()
    {
        await _facilitator.SignUpAsync(spaceName: "Maple team");
        var link = await _facilitator.CreateInviteLinkAsync(await _facilitator.CurrentSpaceIdAsync(), "Facilitator");
        var first = _app.NewVisitor();
        await first.SignUpAsync(spaceName: null);
        var second = _app.NewVisitor();
        await second.SignUpAsync(spaceName: null);
        var secondsInvite = await second.GetAsync(link);
        await first.SubmitAsync(await first.GetAsync(link), "main form");

        var used = await second.GetAsync(link);
        var posted = await second.SubmitAsync(secondsInvite, "main form");

        Assert.Equal("This invite cannot be used", used.H1);
        Assert.Contains("This invite has already been used", used.Document.QuerySelector(".alert")!.TextContent);
        Assert.Null(used.Document.QuerySelector("main form"));
        Assert.Contains("already been used", posted.Text);
        Assert.Contains("You are not in a space yet", (await second.GetAsync("/spaces")).Text);
        Assert.Contains("Maple team", (await first.GetAsync("/spaces")).Text);
    }

    [Fact]
    public async Task An_invite_link_sent_on_by_several_people_at_once_still_lets_only_one_in()
    {
        // Each read of an invite takes a moment longer than usual, as on a busy server, so that
        // simultaneous clicks really overlap instead of depending on the test machine's timing.
        using var busy = _app.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new SlowInviteReads()))));
        Visitor NewBusyVisitor()
        {
            var cookies = new CookieContainer();
            return new Visitor(busy.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
        }

        var facilitator = NewBusyVisitor();
        await facilitator.SignUpAsync(spaceName: "Maple team");
        var spaceId = await facilitator.CurrentSpaceIdAsync();
        var link = await facilitator.CreateInviteLinkAsync(spaceId, "Facilitator");
        var colleagues = new List<(Visitor Visitor, Page Invite)>();
        for (var i = 0; i < 4; i++)
        {
            var colleague = NewBusyVisitor();
            await colleague.SignUpAsync(spaceName: null);
            colleagues.Add((colleague, await colleague.GetAsync(link)));
        }

        var responses = await Task.WhenAll(colleagues.Select(c => c.Visitor.PostAsync(c.Invite, "main form")));

        var members = await _app.QueryAsync(db => db.SpaceMembers.CountAsync(m => m.SpaceId == spaceId));
        Assert.True(members == 2, $"One invite link let {members - 1} colleagues in; responses: {string.Join(", ", responses.Select(r => (int)r.StatusCode))}.");
    }

    [Fact]
    public async Task An_unknown_invite_link_is_not_found_and_says_the_link_is_not_valid()
    {
        await _facilitator.SignUpAsync();

        var response = await _facilitator.Client.GetAsync("/invite/" + InviteTokens.New());
        var page = await _facilitator.GetAsync("/invite/not-a-real-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("This invite cannot be used", page.H1);
        Assert.Contains("This invite link is not valid", page.Text);
    }

    [Fact]
    public async Task An_expired_invite_says_it_expired_and_does_not_let_anyone_in()
    {
        await _facilitator.SignUpAsync(spaceName: "Maple team");
        var spaceId = await _facilitator.CurrentSpaceIdAsync();
        var token = InviteTokens.New();
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await _app.QueryAsync(async db =>
        {
            var creator = await db.Users.Where(u => u.Email == _facilitator.Email).Select(u => u.Id).SingleAsync();
            db.Invites.Add(Invite.Create(spaceId, SpaceRole.Facilitator, creator, InviteTokens.Hash(token), now - TimeSpan.FromDays(8)));
            return await db.SaveChangesAsync();
        });
        var colleague = _app.NewVisitor();
        await colleague.SignUpAsync(spaceName: null);

        var page = await colleague.GetAsync("/invite/" + token);
        var posted = await colleague.PostWithOwnTokenAsync("/invite/" + token);

        Assert.Equal("This invite cannot be used", page.H1);
        Assert.Contains("This invite expired on", page.Document.QuerySelector(".alert")!.TextContent);
        Assert.Null(page.Document.QuerySelector("main form"));
        Assert.Contains("expired", await posted.Content.ReadAsStringAsync());
        Assert.Contains("You are not in a space yet", (await colleague.GetAsync("/spaces")).Text);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_asked_to_sign_in_and_brought_back_to_the_invite()
    {
        await _facilitator.SignUpAsync(spaceName: "Maple team");
        var link = await _facilitator.CreateInviteLinkAsync(await _facilitator.CurrentSpaceIdAsync(), "Coach");

        var response = await _app.NewVisitor().Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(link), response.RedirectTarget());
    }

    [Fact]
    public async Task Only_a_facilitator_of_the_space_can_make_invites()
    {
        await _facilitator.SignUpAsync(spaceName: "Maple team");
        var spaceId = await _facilitator.CurrentSpaceIdAsync();
        var coach = _app.NewVisitor();
        await coach.SignUpAsync(spaceName: null);
        await _facilitator.AcceptInviteAsync(coach, "Coach");

        var details = await coach.GetAsync($"/spaces/{spaceId}");
        var forged = await coach.PostWithOwnTokenAsync($"/spaces/{spaceId}?handler=Invite", ("role", "Facilitator"));

        Assert.Equal("Maple team", details.H1);
        Assert.Null(details.Document.QuerySelector("form[action*='handler=Invite']"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var openInvites = await _app.QueryAsync(db => db.Invites.CountAsync(i => i.SpaceId == spaceId && i.AcceptedAt == null));
        Assert.Equal(0, openInvites);
    }

    /// <summary>Holds every read of the Invites table for half a second.</summary>
    private sealed class SlowInviteReads : DbCommandInterceptor
    {
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("FROM \"Invites\"", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            return result;
        }
    }
}
