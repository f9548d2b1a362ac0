using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Accounts;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Account;

/// <summary>
/// The most common passwords are refused wherever a password is chosen (issue 18, "Also expected": OWASP ASVS 2.1.7),
/// besides the length rule, whatever their case. "qwertyuiop" and "1234567890" are on the list and long enough to pass
/// the length rule alone.
/// </summary>
/// <remarks>One app for the class (<see cref="SharedWorkshop"/>); each test's Ana has a fresh email.</remarks>
public sealed partial class CommonPasswordTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    private readonly string _ana = $"ana-{Guid.NewGuid():N}@example.org";

    private const string Form = "main form";
    private const string TooCommon = "Too many people use this password, so it is among the first ones guessed. Choose another: a short sentence you will remember works well.";

    [Fact]
    public void The_shipped_list_holds_the_ten_thousand_most_common_passwords()
    {
        var app = shared.NextTest();
        var common = app.Services.GetRequiredService<CommonPasswords>();

        // 10,000 entries; 9,913 once "Dragon" and "dragon" count as one.
        Assert.True(common.Count > 9_900, $"{common.Count} passwords");
        Assert.True(common.Contains("password"));
        Assert.True(common.Contains("QWERTYUIOP"));
        Assert.False(common.Contains(WorkshopSteps.Password));
    }

    [Theory]
    [InlineData("qwertyuiop")]
    [InlineData("QwertyUiop")]
    [InlineData("1234567890")]
    public async Task A_common_password_is_refused_at_registration_with_a_message_at_the_field(string password)
    {
        var app = shared.NextTest();
        var visitor = app.NewVisitor();

        var page = await visitor.SubmitAsync(await visitor.GetAsync("/account/register"), Form,
            ("Input.DisplayName", "Ana Ruiz"), ("Input.Email", _ana), ("Input.Password", password), ("Input.ConfirmPassword", password));

        Assert.Equal("/account/register", page.Url);
        Assert.Equal(TooCommon, ErrorOf(page, "Input.Password"));
        Assert.False(await HasAccountAsync(app, _ana));
    }

    [Fact]
    public async Task The_refusal_speaks_spanish_to_a_spanish_browser()
    {
        var app = shared.NextTest();
        var visitor = app.NewVisitor();
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await visitor.SubmitAsync(await visitor.GetAsync("/account/register"), Form,
            ("Input.DisplayName", "Ana Ruiz"), ("Input.Email", _ana), ("Input.Password", "1234567890"), ("Input.ConfirmPassword", "1234567890"));

        Assert.StartsWith("Mucha gente usa esta contraseña", ErrorOf(page, "Input.Password"));
        Assert.False(await HasAccountAsync(app, _ana));
    }

    [Fact]
    public async Task A_common_password_is_refused_as_a_new_password()
    {
        var app = shared.NextTest();
        var visitor = app.NewVisitor();
        await visitor.SignUpAsync(spaceName: null);

        var page = await visitor.SubmitAsync(await visitor.GetAsync("/account/password"), Form,
            ("Input.CurrentPassword", WorkshopSteps.Password), ("Input.NewPassword", "qwertyuiop"), ("Input.ConfirmPassword", "qwertyuiop"));

        Assert.Equal(TooCommon, ErrorOf(page, "Input.NewPassword"));
        Assert.Null(page.Document.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task A_common_password_is_refused_when_resetting_a_forgotten_one()
    {
        var app = shared.NextTest();
        await app.NewVisitor().SignUpAsync(email: _ana, spaceName: null);
        var visitor = app.NewVisitor();
        await visitor.SubmitAsync(await visitor.GetAsync("/account/forgot"), Form, ("Input.Email", _ana));
        var link = app.LoggedLinks().Single().ToString();
        var reset = await visitor.GetAsync(new Uri(link).PathAndQuery);

        var page = await visitor.SubmitAsync(reset, Form, ("Input.Password", "1234567890"), ("Input.ConfirmPassword", "1234567890"));

        Assert.Equal(TooCommon, ErrorOf(page, "Input.Password"));
        Assert.DoesNotContain("Your password has been reset", page.Text);
    }

    private static async Task<bool> HasAccountAsync(WorkshopFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var normalized = email.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.NormalizedEmail == normalized);
    }

    private static string ErrorOf(Page page, string name)
    {
        var field = page.Document.QuerySelector($"[name='{name}']") ?? throw new InvalidOperationException($"No field {name} on {page.Url}\n{page.Text}");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        var ids = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ids.Select(id => page.Document.GetElementById(id)).Single(e => e is not null && e.ClassList.Contains("field-error"))!.TextContent.Trim();
    }
}
