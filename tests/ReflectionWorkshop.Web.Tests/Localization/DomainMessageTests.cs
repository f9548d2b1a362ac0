using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Localization;

/// <summary>
/// What the domain refuses reaches each phone in that phone's language: the request's culture is set
/// before the page calls the domain, so the message is already Spanish when the page shows it.
/// </summary>
public sealed class DomainMessageTests
{
    [Fact]
    public async Task A_spanish_phone_is_told_in_spanish_that_its_name_is_too_long_and_an_english_phone_in_english()
    {
        using var app = new WorkshopFactory();
        var session = await app.NewVisitor().OpenSessionAsync("two-team-compare", "Named");
        var spanish = app.NewVisitor();
        spanish.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");
        var english = app.NewVisitor();
        english.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var tooLong = new string('a', 41);

        var refusedInSpanish = await spanish.JoinWithLinkAsync(session.Code, tooLong);
        var refusedInEnglish = await english.JoinWithLinkAsync(session.Code, tooLong);

        Assert.Equal("/j/" + session.Code, refusedInSpanish.Url);
        Assert.Contains("Tu nombre puede tener como máximo 40 caracteres.", refusedInSpanish.FieldErrors);
        Assert.DoesNotContain("Keep your name to 40 characters.", refusedInSpanish.Text);
        Assert.Contains("Keep your name to 40 characters.", refusedInEnglish.FieldErrors);
        Assert.DoesNotContain("Tu nombre puede tener", refusedInEnglish.Text);
    }

    [Fact]
    public async Task A_spanish_phone_is_told_in_spanish_that_a_list_needs_more_items()
    {
        using var app = TestActivities.FactoryWithEveryKind();
        var facilitator = app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind");
        var phone = app.NewVisitor();
        phone.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);

        var refused = await phone.AnswerAsync(session, ("Input.Items[0]", "Solo una"));

        Assert.Contains("Escribe al menos 2 elementos antes de guardar; llevas 1.", refused.FieldErrors);
        Assert.DoesNotContain("Write at least 2 items", refused.Text);
        Assert.Equal("Solo una", refused.Document.QuerySelector("#item-0")!.GetAttribute("value"));
    }
}
