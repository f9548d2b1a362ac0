using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Security;

public sealed class SignInTests : IDisposable
{
    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_facilitator_and_coach_page_sends_an_anonymous_visitor_to_sign_in_and_back()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var spaceId = await facilitator.CurrentSpaceIdAsync();
        var anonymous = _app.NewVisitor();
        string[] pages =
        [
            "/facilitate",
            "/facilitate/sessions",
            session.RunUrl,
            session.SummaryUrl,
            "/spaces",
            $"/spaces/{spaceId}",
            "/admin",
        ];

        foreach (var page in pages)
        {
            var response = await anonymous.Client.GetAsync(page);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(page), response.RedirectTarget());
        }
    }

    [Fact]
    public async Task The_first_account_is_the_administrator_and_sees_every_account_and_space()
    {
        var administrator = _app.NewVisitor();
        await administrator.SignUpAsync(name: "Ada Admin", spaceName: "Admin's own team");
        var other = _app.NewVisitor();
        await other.SignUpAsync(name: "Otto Other", spaceName: "Other team");

        var admin = await administrator.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal("Administration", admin.H1);
        Assert.Contains(other.Email!, admin.Text);
        Assert.Contains("Other team", admin.Text);
        Assert.Contains("Ada Admin (administrator)", admin.Text);
        Assert.NotNull(admin.Document.QuerySelector("nav a[href='/admin']"));
    }

    [Fact]
    public async Task Any_later_account_is_refused_the_admin_page_and_sees_none_of_it()
    {
        var administrator = _app.NewVisitor();
        await administrator.SignUpAsync(name: "Ada Admin", spaceName: "Admin's own team");
        var other = _app.NewVisitor();
        await other.SignUpAsync(name: "Otto Other", spaceName: "Other team");

        var response = await other.Client.GetAsync("/admin");
        var denied = await other.GetAsync("/admin");
        var facilitate = await other.GetAsync("/facilitate");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied?ReturnUrl=%2Fadmin", response.RedirectTarget());
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal("You don't have access to that page", denied.H1);
        Assert.DoesNotContain(administrator.Email!, denied.Text);
        Assert.DoesNotContain("Admin's own team", denied.Text);
        Assert.DoesNotContain("Administration", denied.Text);
        Assert.Null(facilitate.Document.QuerySelector("nav a[href='/admin']"));
    }
}
