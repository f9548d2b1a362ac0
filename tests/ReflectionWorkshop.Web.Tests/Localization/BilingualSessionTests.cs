using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Localization;

/// <summary>
/// A shipped activity speaks English and Spanish, so one session serves both: each phone reads the steps in its
/// own language, and a facilitator reading Spanish starts the session in Spanish.
/// </summary>
public sealed class BilingualSessionTests(SharedWorkshop shared) : IClassFixture<SharedWorkshop>
{
    private static readonly Activity FourCharacteristics = ActivityFileParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-content", "activities", "four-characteristics.md"))).Activity!;

    [Fact]
    public async Task A_spanish_phone_and_an_english_phone_read_the_same_step_in_their_own_language()
    {
        var app = shared.NextTest();
        var laptop = app.NewVisitor();
        var session = await laptop.OpenSessionAsync("four-characteristics");
        var spanish = app.NewVisitor();
        spanish.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var english = app.NewVisitor();
        english.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await spanish.JoinWithCodeAsync(session.Code);
        await english.JoinWithCodeAsync(session.Code);
        await laptop.StartAsync(session);
        await laptop.NextAsync(session);

        var onSpanish = await spanish.GetAsync(session.PhoneUrl);
        var onEnglish = await english.GetAsync(session.PhoneUrl);

        var es = FourCharacteristics.In("es");
        Assert.NotEqual(FourCharacteristics.Prompts[1].Title, es.Prompts[1].Title);
        Assert.Contains(es.Prompts[1].Title, onSpanish.Text);
        Assert.Contains(es.Title, onSpanish.Text);
        Assert.DoesNotContain(FourCharacteristics.Prompts[1].Title, onSpanish.Text);
        Assert.Contains(FourCharacteristics.Prompts[1].Title, onEnglish.Text);
        Assert.DoesNotContain(es.Prompts[1].Title, onEnglish.Text);

        // Both answer the list step; the facilitator's page counts both answers to the one step.
        await spanish.AnswerAsync(session, ("Input.Items[0]", "Confianza"));
        await english.AnswerAsync(session, ("Input.Items[0]", "Trust"));
        var run = await laptop.GetAsync(session.RunUrl);
        Assert.Contains("Confianza", run.Text);
        Assert.Contains("Trust", run.Text);
    }

    [Fact]
    public async Task A_facilitator_reading_spanish_starts_the_session_in_spanish_and_its_summary_is_spanish()
    {
        var app = shared.NextTest();
        var laptop = app.NewVisitor();
        laptop.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var session = await laptop.OpenSessionAsync("four-characteristics");
        await laptop.StartAsync(session);
        await laptop.CloseAsync(session);

        var summary = await laptop.GetAsync(session.SummaryUrl);

        Assert.Contains(FourCharacteristics.In("es").Prompts[1].Title, summary.Text);
        var markdown = await laptop.Client.GetStringAsync(summary.Document.QuerySelector("a[href*='handler=Markdown']")!.GetAttribute("href"));
        Assert.Contains(FourCharacteristics.In("es").Title, markdown);
        Assert.DoesNotContain(FourCharacteristics.Title, markdown);
    }
}
