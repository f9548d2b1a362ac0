using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Tests.Activities;

namespace ReflectionWorkshop.Domain.Tests.Sessions;

/// <summary>
/// One session, phones in English and in Spanish (issue #6): answers are stored by slot, so the room's
/// choices and ratings are tallied together whatever language each phone showed.
/// </summary>
public sealed class MixedLanguageRoomTests
{
    private static Activity Bilingual()
    {
        var english = TestActivities.OneOfEachKind();
        var spanish = ActivityText.Of(english) with
        {
            Title = "Uno de cada",
            Prompts = english.Prompts.Select(p => PromptText.Of(p) with
            {
                Title = "ES " + p.Title,
                Options = [.. PromptText.Of(p).Options.Select(o => "es:" + o)],
                Items = [.. PromptText.Of(p).Items.Select(i => "es:" + i)],
                Scale = [.. PromptText.Of(p).Scale.Select(s => "es:" + s)],
            }).ToList(),
        };
        return english with { Translations = new Dictionary<string, ActivityText> { ["es"] = spanish } };
    }

    [Fact]
    public void Choices_made_on_english_and_spanish_phones_are_tallied_together()
    {
        var session = new SessionBuilder().For(Bilingual()).OnStep(TestActivities.ChoiceStep);
        var ana = session.Join(null, TestClock.Now);
        var beto = session.Join(null, TestClock.Now);

        // Each phone posts the slot of the option it showed: "Monthly" for Ana, "es:Monthly" for Beto.
        var spanishOptions = session.Activity.In("es").Prompts[TestActivities.ChoiceStep].Options;
        var slot = spanishOptions.ToList().IndexOf("es:Monthly");
        var responses = new[]
        {
            session.Answer(ana, TestActivities.ChoiceStep, new Answer([new AnswerPart(1, "")]), null, TestClock.MinutesLater(2)),
            session.Answer(beto, TestActivities.ChoiceStep, new Answer([new AnswerPart(slot, "")]), null, TestClock.MinutesLater(3)),
        };

        var choices = SessionSummary.Build(session, [ana, beto], responses).Prompts[TestActivities.ChoiceStep].Choices;

        Assert.Equal([new ChoiceTally("Weekly", 0), new ChoiceTally("Monthly", 2), new ChoiceTally("Termly", 0)], choices);
        Assert.Equal("es:Monthly", spanishOptions[1]);
    }

    [Fact]
    public void Ratings_from_both_languages_share_one_distribution()
    {
        var session = new SessionBuilder().For(Bilingual()).OnStep(TestActivities.RatingStep);
        var ana = session.Join(null, TestClock.Now);
        var beto = session.Join(null, TestClock.Now);
        Answer Rate(int trust, int followThrough) => new([new AnswerPart(0, "", trust), new AnswerPart(1, "", followThrough)]);

        var responses = new[]
        {
            session.Answer(ana, TestActivities.RatingStep, Rate(3, 2), null, TestClock.MinutesLater(2)),
            session.Answer(beto, TestActivities.RatingStep, Rate(3, 1), null, TestClock.MinutesLater(3)),
        };

        var ratings = SessionSummary.Build(session, [ana, beto], responses).Prompts[TestActivities.RatingStep].Ratings;

        Assert.Equal([0, 0, 2], ratings[0].Counts);
        Assert.Equal([1, 1, 0], ratings[1].Counts);
        Assert.Equal(["es:Trust", "es:Follow-through"], session.Activity.In("es").Prompts[TestActivities.RatingStep].Items);
    }

    [Fact]
    public void Each_phone_reads_the_step_in_its_language_and_falls_back_to_the_sessions_own()
    {
        var session = new SessionBuilder().For(Bilingual()).OnStep(TestActivities.ChoiceStep);

        Assert.Equal("ES " + session.Activity.Prompts[TestActivities.ChoiceStep].Title, session.PromptAt(TestActivities.ChoiceStep, "es-MX").Title);
        Assert.Equal(["es:Weekly", "es:Monthly", "es:Termly"], session.PromptAt(TestActivities.ChoiceStep, "es").Options);
        Assert.Equal(session.Activity.Prompts[TestActivities.ChoiceStep], session.PromptAt(TestActivities.ChoiceStep, "fi"));
        Assert.Equal(session.PromptAt(TestActivities.ChoiceStep), session.PromptAt(TestActivities.ChoiceStep, "en"));
    }
}
