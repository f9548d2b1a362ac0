using System.Net;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Account;

/// <summary>Removing an account or changing its password ends every sign-in of it at once, and never with an error.</summary>
public sealed class SignInEndsTests : IDisposable
{
    private readonly WorkshopFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Visitor> SignInAgainAsync(string email)
    {
        var laptop = _app.NewVisitor();
        var login = await laptop.GetAsync("/account/login");
        await laptop.SubmitAsync(login, "main form", ("Input.Email", email), ("Input.Password", WorkshopSteps.Password));
        return laptop;
    }

    private static async Task<HttpResponseMessage> OpenFacilitateAsync(Visitor visitor) => await visitor.Client.GetAsync("/facilitate");

    [Fact]
    public async Task A_removed_account_is_signed_out_everywhere_on_its_next_request()
    {
        var administrator = _app.NewVisitor();
        await administrator.SignUpAsync(name: "Ada Admin");
        var colleague = _app.NewVisitor();
        await colleague.SignUpAsync(name: "Otto Other");
        Assert.Equal(HttpStatusCode.OK, (await OpenFacilitateAsync(colleague)).StatusCode);

        await administrator.SubmitAsync(await administrator.GetAsync("/admin"), "form[action*='handler=Remove']");
        var after = await OpenFacilitateAsync(colleague);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_other_browsers_and_keeps_this_one()
    {
        var laptop = _app.NewVisitor();
        await laptop.SignUpAsync();
        var phone = await SignInAgainAsync(laptop.Email!);
        Assert.Equal(HttpStatusCode.OK, (await OpenFacilitateAsync(phone)).StatusCode);

        var password = await laptop.GetAsync("/account/password");
        await laptop.SubmitAsync(password, "main form", ("Input.CurrentPassword", WorkshopSteps.Password), ("Input.NewPassword", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase"));

        Assert.Equal(HttpStatusCode.OK, (await OpenFacilitateAsync(laptop)).StatusCode);
        var other = await OpenFacilitateAsync(phone);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Contains("/account/login", other.Headers.Location!.OriginalString);
    }
}
