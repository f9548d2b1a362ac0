using System.Net;
using System.Text.RegularExpressions;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Accounts;

/// <summary>Account emails through a real SMTP server (issue 22, mail; issue 18, links never from the request).</summary>
public sealed partial class MailTests
{
    private const string Form = "main form";

    [Fact]
    public async Task A_reset_mail_arrives_in_the_accounts_language_and_its_link_lets_the_person_back_in_with_the_new_password()
    {
        using var mail = new MailServer();
        var settings = mail.Settings;
        settings["PublicBaseUrl"] = "https://workshops.district.example";
        using var app = new WorkshopFactory(settings);
        var ana = app.NewVisitor();
        await ana.SignUpAsync("ana@example.org");
        await ana.SubmitAsync(await ana.GetAsync("/account"), Form, ("Language", "es"));
        var stranger = app.NewVisitor();
        var forgot = await stranger.GetAsync("/account/forgot");
        var (target, values) = Visitor.FormValues(forgot, Form, [("Input.Email", "ana@example.org")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Host = "evil.test";
        await stranger.Client.SendAsync(request);

        var message = await mail.MessageToAsync("ana@example.org");
        var link = new Uri(LinkIn().Match(message.TextBody ?? "").Value);
        var reset = await ana.GetAsync("http://localhost" + link.PathAndQuery);
        await ana.SubmitAsync(reset, Form, ("Input.Password", "a brand new passphrase"), ("Input.ConfirmPassword", "a brand new passphrase"));
        var later = app.NewVisitor();
        var signIn = await later.PostAsync(await later.GetAsync("/account/login"), Form, ("Input.Email", "ana@example.org"), ("Input.Password", "a brand new passphrase"));

        Assert.Equal("workshops@district.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("es", message.Body!.Headers["Content-Language"]);
        Assert.Contains("contraseña", message.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("workshops.district.example", link.Host);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain(app.Logs, line => line.Contains("No mail sender is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_administrator_sees_whether_mail_is_sent_and_through_what()
    {
        using var mail = new MailServer();
        using var withMail = new WorkshopFactory(mail.Settings);
        using var without = new WorkshopFactory();
        var first = withMail.NewVisitor();
        await first.SignUpAsync();
        var second = without.NewVisitor();
        await second.SignUpAsync();

        var sending = await first.GetAsync("/admin");
        var notSending = await second.GetAsync("/admin");

        Assert.Contains($"sent through 127.0.0.1, port {mail.Port}, from Reflection Workshop <workshops@district.example>", sending.Text);
        Assert.Contains("No mail server is configured, so nothing is sent", notSending.Text);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_is_logged_and_the_person_asking_sees_the_usual_answer()
    {
        int closedPort;
        using (var mail = new MailServer())
        {
            closedPort = mail.Port;
        }

        using var app = new WorkshopFactory(new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:From"] = "workshops@district.example",
        });
        await app.NewVisitor().SignUpAsync("ana@example.org");
        var visitor = app.NewVisitor();

        var known = await visitor.SubmitAsync(await visitor.GetAsync("/account/forgot"), Form, ("Input.Email", "ana@example.org"));
        var unknown = await visitor.SubmitAsync(await visitor.GetAsync("/account/forgot"), Form, ("Input.Email", "nobody@example.org"));

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Document.QuerySelector("main")!.TextContent, unknown.Document.QuerySelector("main")!.TextContent);
        Assert.Contains(app.Logs, line => line.Contains("Could not send an email to ana@example.org", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkIn();
}
