using System.Net;
using System.Text.RegularExpressions;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>
/// An invite can go by mail (issue 22): through a real SMTP server started by the test, with a link on the
/// installation's public address that lets the colleague into the space; a mistyped address is refused at its field.
/// </summary>
public sealed partial class InviteMailTests
{
    [Fact]
    public async Task An_invite_mailed_to_a_colleague_carries_a_link_on_the_public_address_that_joins_the_space()
    {
        using var mail = new MailServer();
        var settings = mail.Settings;
        settings["PublicBaseUrl"] = "https://workshops.district.example";
        using var app = new WorkshopFactory(settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync("fran@example.org", name: "Fran Facilitator", spaceName: "Maple team");
        var spaceId = await fran.CurrentSpaceIdAsync();

        var details = await fran.GetAsync($"/spaces/{spaceId}");
        var sent = await fran.SubmitAsync(details, "form[action*='handler=Invite']", ("email", "ben@example.org"), ("role", "Coach"));
        var message = await mail.MessageToAsync("ben@example.org");
        var link = new Uri(LinkIn().Match(message.TextBody ?? "").Value);

        Assert.Contains("We sent the invite to ben@example.org", sent.Text);
        Assert.Equal("Fran Facilitator invites you to Maple team on Reflection Workshop", message.Subject);
        Assert.Equal("workshops.district.example", link.Host);
        Assert.StartsWith("/invite/", link.AbsolutePath, StringComparison.Ordinal);

        // Ben has no account yet: with mail on, registering mails him a link that creates it (ADR-013).
        var ben = app.NewVisitor();
        await ben.SignUpAsync("ben@example.org", name: "Ben Coach", spaceName: null);
        var finish = await mail.MessageAsync(m => m.Subject?.StartsWith("Finish creating", StringComparison.Ordinal) == true, "The mail that finishes Ben's registration");
        var confirm = await ben.GetAsync("http://localhost" + new Uri(AnyLink().Match(finish.TextBody ?? "").Value).PathAndQuery);
        await ben.PostAsync(confirm, "main form");
        var invite = await ben.GetAsync(link.PathAndQuery);
        await ben.SubmitAsync(invite, "main form");
        var space = await ben.GetAsync($"/spaces/{spaceId}");

        Assert.Equal(HttpStatusCode.OK, space.Status);
        Assert.Contains("Ben Coach", space.Text);
    }

    [Fact]
    public async Task A_mistyped_address_is_refused_at_its_field_with_what_was_typed_and_no_invite_is_made()
    {
        using var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync(spaceName: "Oak team");
        var spaceId = await fran.CurrentSpaceIdAsync();

        var details = await fran.GetAsync($"/spaces/{spaceId}");
        var refused = await fran.SubmitAsync(details, "form[action*='handler=Invite']", ("email", "ben at example"), ("role", "Facilitator"));

        Assert.Contains("\"ben at example\" is not an email address", Assert.Single(refused.FieldErrors));
        Assert.Equal("ben at example", refused.Document.QuerySelector("#invite-email")!.GetAttribute("value"));
        Assert.Null(refused.Document.QuerySelector("#invite-link"));
        Assert.Equal(0, await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Invites)));
    }

    [Fact]
    public async Task Without_a_public_address_a_mailed_invite_link_never_takes_the_host_the_request_named()
    {
        using var mail = new MailServer();
        using var app = new WorkshopFactory(mail.Settings);
        var fran = app.NewVisitor();
        await fran.SignUpAsync(spaceName: "Birch team");
        var spaceId = await fran.CurrentSpaceIdAsync();
        var details = await fran.GetAsync($"/spaces/{spaceId}");

        var (target, values) = Visitor.FormValues(details, "form[action*='handler=Invite']", [("email", "ben@example.org"), ("role", "Coach")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Host = "evil.test";
        using var sent = await fran.Client.SendAsync(request);
        var message = await mail.MessageToAsync("ben@example.org");
        var link = new Uri(LinkIn().Match(message.TextBody ?? "").Value);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.NotEqual("evil.test", link.Host);
        Assert.DoesNotContain("evil.test", message.TextBody, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://\S+/invite/\S+")]
    private static partial Regex LinkIn();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex AnyLink();
}
