using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Account;

/// <summary>The account pages, their validation and Identity's own messages for a browser that asks for Spanish.</summary>
/// <remarks>One app for the class (<see cref="SharedWorkshop"/>); each test's Lucía and Ben have fresh emails.</remarks>
public sealed class SpanishAccountTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    private const string Form = "main form";

    private readonly string _lucia = $"lucia-{Guid.NewGuid():N}@example.org";
    private readonly string _ben = $"ben-{Guid.NewGuid():N}@example.org";

    [Theory]
    [InlineData("/account/register", "Crear una cuenta", "Create an account")]
    [InlineData("/account/login", "Iniciar sesión", "Sign in")]
    [InlineData("/account/logout", "Cerrar sesión", "Sign out")]
    [InlineData("/account/forgot", "¿Has olvidado tu contraseña?", "Forgot your password?")]
    [InlineData("/account/reset?email=a%40example.org&token=abc", "Elige una contraseña nueva", "This reset link is no longer valid")]
    [InlineData("/account/denied", "No tienes acceso a esa página", "You don't have access")]
    public async Task Every_account_page_speaks_spanish(string url, string heading, string english)
    {
        var app = shared.NextTest();
        var page = await Spanish(app).GetAsync("http://localhost" + url);

        Assert.Equal(heading, page.H1);
        Assert.DoesNotContain(english, MainText(page));
    }

    [Fact]
    public async Task The_register_form_labels_hints_and_buttons_are_spanish()
    {
        var app = shared.NextTest();
        var page = await Spanish(app).GetAsync("/account/register");

        Assert.Equal("Crear una cuenta · Reflection Workshop", page.Document.Title);
        Assert.Equal("Tu nombre", LabelOf(page, "Input.DisplayName"));
        Assert.Equal("Correo electrónico", LabelOf(page, "Input.Email"));
        Assert.Equal("Contraseña", LabelOf(page, "Input.Password"));
        Assert.Equal("Confirma la contraseña", LabelOf(page, "Input.ConfirmPassword"));
        Assert.Contains("Al menos 10 caracteres.", MainText(page));
        var button = page.Document.QuerySelector("main button[type=submit]")!;
        Assert.Equal("Crear la cuenta", button.TextContent.Trim());
        Assert.Equal("Creando tu cuenta…", button.GetAttribute("data-busy-text"));
        foreach (var english in new[] { "Your name", "Email", "Confirm password", "Create account", "Already have an account?", "At least" })
        {
            Assert.DoesNotContain(english, MainText(page));
        }
    }

    [Fact]
    public async Task The_sign_in_form_is_spanish_and_a_failed_sign_in_is_explained_in_spanish()
    {
        var app = shared.NextTest();
        await app.NewVisitor().SignUpAsync(email: _lucia, spaceName: null);
        var visitor = Spanish(app);
        var login = await visitor.GetAsync("/account/login");
        Assert.Equal("Correo electrónico", LabelOf(login, "Input.Email"));
        Assert.Equal("Mantener la sesión iniciada en este dispositivo", LabelOf(login, "Input.RememberMe"));

        var wrong = await visitor.SubmitAsync(login, Form, ("Input.Email", _lucia), ("Input.Password", "not the password"));
        var empty = await visitor.SubmitAsync(login, Form);

        Assert.Equal(["Ese correo y esa contraseña no corresponden a ninguna cuenta."], wrong.FieldErrors);
        Assert.Equal("Escribe el correo electrónico con el que te registraste.", ErrorOf(empty, "Input.Email"));
        Assert.Equal("Escribe tu contraseña.", ErrorOf(empty, "Input.Password"));
        Assert.DoesNotContain("match an account", wrong.Text);
    }

    [Fact]
    public async Task A_short_password_is_refused_in_spanish_with_identitys_rule_and_the_forms_own_messages()
    {
        var app = shared.NextTest();
        var visitor = Spanish(app);

        var page = await visitor.SubmitAsync(await visitor.GetAsync("/account/register"), Form,
            ("Input.DisplayName", ""), ("Input.Email", _lucia), ("Input.Password", "corta"), ("Input.ConfirmPassword", "otra"));

        Assert.Equal("Crear una cuenta", page.H1);
        Assert.Equal("Usa al menos 10 caracteres. Una frase corta que vayas a recordar funciona muy bien.", ErrorOf(page, "Input.Password"));
        Assert.Equal("Escribe tu nombre tal como te conocen las personas con las que trabajas.", ErrorOf(page, "Input.DisplayName"));
        Assert.Equal("Las dos contraseñas no coinciden. Escribe la misma en los dos campos.", ErrorOf(page, "Input.ConfirmPassword"));
        Assert.DoesNotContain("characters", MainText(page));
        Assert.DoesNotContain("Passwords must", MainText(page));
    }

    [Fact]
    public async Task A_taken_email_and_a_malformed_one_are_refused_in_spanish()
    {
        var app = shared.NextTest();
        await app.NewVisitor().SignUpAsync(email: _lucia, spaceName: null);
        var visitor = Spanish(app);
        var form = await visitor.GetAsync("/account/register");

        var taken = await visitor.SubmitAsync(form, Form,
            ("Input.DisplayName", "Lucía"), ("Input.Email", _lucia.ToUpperInvariant()), ("Input.Password", WorkshopSteps.Password), ("Input.ConfirmPassword", WorkshopSteps.Password));
        var malformed = await visitor.SubmitAsync(form, Form,
            ("Input.DisplayName", "Lucía"), ("Input.Email", "lucia.example.org"), ("Input.Password", WorkshopSteps.Password), ("Input.ConfirmPassword", WorkshopSteps.Password));

        Assert.Equal("Ya existe una cuenta con este correo. Inicia sesión o restablece tu contraseña.", ErrorOf(taken, "Input.Email"));
        Assert.Equal("Escribe una dirección de correo como nombre@ejemplo.com.", ErrorOf(malformed, "Input.Email"));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_spanish_and_a_change_is_confirmed_in_spanish()
    {
        var app = shared.NextTest();
        var visitor = Spanish(app);
        await visitor.SignUpAsync(spaceName: null);
        var form = await visitor.GetAsync("/account/password");
        Assert.Equal("Cambia tu contraseña", form.H1);
        Assert.Equal("Contraseña actual", LabelOf(form, "Input.CurrentPassword"));

        var wrong = await visitor.SubmitAsync(form, Form,
            ("Input.CurrentPassword", "not my password"), ("Input.NewPassword", "una frase nueva y larga"), ("Input.ConfirmPassword", "una frase nueva y larga"));
        var changed = await visitor.SubmitAsync(form, Form,
            ("Input.CurrentPassword", WorkshopSteps.Password), ("Input.NewPassword", "una frase nueva y larga"), ("Input.ConfirmPassword", "una frase nueva y larga"));

        Assert.Equal("Esa no es tu contraseña actual.", ErrorOf(wrong, "Input.CurrentPassword"));
        Assert.Equal("Tu contraseña se ha cambiado.", changed.Document.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_reset_email_is_written_in_the_accounts_language_else_in_the_language_it_was_asked_in()
    {
        var app = shared.NextTest();
        var lucia = app.NewVisitor();
        await lucia.SignUpAsync(email: _lucia, spaceName: null);
        await lucia.SubmitAsync(await lucia.GetAsync("/account"), Form, ("Language", "es"));
        await app.NewVisitor().SignUpAsync(email: _ben, spaceName: null);
        var english = app.NewVisitor();
        english.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var spanish = Spanish(app);

        await english.SubmitAsync(await english.GetAsync("/account/forgot"), Form, ("Input.Email", _lucia));
        await english.SubmitAsync(await english.GetAsync("/account/forgot"), Form, ("Input.Email", _ben));
        var sent = await spanish.SubmitAsync(await spanish.GetAsync("/account/forgot"), Form, ("Input.Email", _ben));

        var emails = app.Logs.Where(l => l.Contains("The unsent email to", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, emails.Count);
        Assert.Contains($"{_lucia}, in es:", emails[0]);
        Assert.Contains("Subject: Elige una contraseña nueva para Reflection Workshop", emails[0]);
        Assert.Contains($"Abre este enlace para elegirla:\nhttp://localhost/account/reset?email={Uri.EscapeDataString(_lucia)}&token=", emails[0]);
        Assert.Contains($"{_ben}, in en:", emails[1]);
        Assert.Contains("Subject: Choose a new password for Reflection Workshop", emails[1]);
        Assert.Contains("Open this link to choose it:", emails[1]);
        Assert.Contains($"{_ben}, in es:", emails[2]);
        Assert.Contains("Si no lo has pedido tú", emails[2]);
        Assert.Equal("Si hay una cuenta con ese correo, le hemos enviado un enlace para elegir una contraseña nueva.", sent.Document.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Every_identity_message_is_ours_and_in_the_readers_language()
    {
        var app = shared.NextTest();
        using var scope = app.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
        var identitys = new IdentityErrorDescriber();
        var methods = typeof(IdentityErrorDescriber).GetMethods().Where(m => m.ReturnType == typeof(IdentityError)).ToList();
        Assert.True(methods.Count >= 20, $"Only {methods.Count} describer methods found.");

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var method in methods)
            {
                var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)12 : "admin").ToArray();
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
                var spanish = (IdentityError)method.Invoke(describer, arguments)!;
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                var english = (IdentityError)method.Invoke(describer, arguments)!;
                var stock = (IdentityError)method.Invoke(identitys, arguments)!;

                Assert.Equal(stock.Code, spanish.Code);
                Assert.NotEqual(stock.Description, english.Description);
                Assert.NotEqual(english.Description, spanish.Description);
                Assert.False(string.IsNullOrWhiteSpace(spanish.Description), method.Name);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Visitor Spanish(WorkshopFactory app)
    {
        var visitor = app.NewVisitor();
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        return visitor;
    }

    private static string MainText(Page page) => page.Document.QuerySelector("main")!.TextContent;

    private static string? LabelOf(Page page, string name)
    {
        var id = page.Document.QuerySelector($"[name='{name}']:not([type=hidden])")?.Id;
        return id is null ? null : page.Document.QuerySelector($"label[for='{id}']")?.TextContent.Trim();
    }

    private static string ErrorOf(Page page, string name)
    {
        var field = page.Document.QuerySelector($"[name='{name}']") ?? throw new InvalidOperationException($"No field {name} on {page.Url}");
        var ids = (field.GetAttribute("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return ids.Select(id => page.Document.GetElementById(id)).Single(e => e is not null && e.ClassList.Contains("field-error"))!.TextContent.Trim();
    }
}
