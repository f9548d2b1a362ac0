using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReflectionWorkshop.BrowserTests.Support;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Themes;
using Xunit.Abstractions;

namespace ReflectionWorkshop.BrowserTests;

/// <summary>
/// The projector fits one 16:9 screen in every state, at 1280×720 and at 1920×1080, with a room of 40 (issue 19):
/// nothing below the fold, no card cut off at the edge of its region, answers in type a room can read from the back
/// (28 px at 1080p, two thirds of that at 720p), and "…and N more" when not everything fits. The room's answers are
/// put in through the domain, as 40 phones would take minutes; the facilitator's own screen is the real app.
/// With RW_UPDATE_SCREENSHOTS=1 the screenshots replace those in docs/screenshots/.
/// </summary>
public sealed partial class ProjectorInTheBrowserTests(ITestOutputHelper output) : BrowserWorkshop(output)
{
    private const int Room = 40;

    private static readonly (int Width, int Height, string Name)[] Sizes = [(1280, 720, "720"), (1920, 1080, "1080")];

    [ChromiumFact]
    public Task Every_projector_state_fits_one_screen_at_720p_and_1080p_with_forty_answers_a_side() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);
        await laptop.Page.OpenASessionAsync("Create a culture of partnership with your leaders");
        var sessionId = Guid.Parse(SessionId().Match(laptop.Page.Url).Groups[1].Value);
        var projector = await laptop.Context.NewPageAsync();
        var present = $"facilitate/sessions/{sessionId}/present";

        var lobby = await CheckAsync(projector, present, "lobby");
        Assert.Equal(0, lobby.Cards);

        var people = await RoomAsync(sessionId, s =>
        {
            s.Start(DateTimeOffset.UtcNow);
            s.Advance(0);
            s.Advance(1);
        });
        // A prompt's own picture is left out of docs/screenshots: the prompt with its context (step 7) shows the same layout.
        var prompt = await CheckAsync(projector, present, "prompt", publish: false);
        Assert.Equal(0, prompt.Cards);

        // Step 3, compare: 40 answers a side, some of them long; what does not fit is counted.
        await AnswerAsync(sessionId, 2, people, (i, _) => [Answers.Well[i % Answers.Well.Length], Answers.NotWell[i % Answers.NotWell.Length]]);
        await RoomAsync(sessionId, s => s.RevealAnswers());
        var compare = await CheckAsync(projector, present, "answers", wordsBeside: true);
        Assert.All(compare.More, more => Assert.Matches(@"^…and \d+ more$", more));
        Assert.Equal(2, compare.More.Count);
        Assert.Equal(2 * Room, compare.Cards + compare.More.Sum(m => int.Parse(Digits().Match(m).Value)));

        // Step 4, list: four characteristics each, some at the full length a list item may have.
        await RoomAsync(sessionId, s => s.Advance(2));
        await AnswerAsync(sessionId, 3, people, (i, _) => [.. Enumerable.Range(0, 4).Select(slot => Answers.Characteristics[Answers.Popularity[((i % 5) + slot) % Answers.Popularity.Length]])]);
        await RoomAsync(sessionId, s => s.RevealAnswers());
        var list = await CheckAsync(projector, present, "list", wordsBeside: true);
        Assert.Single(list.More);

        // The facilitator names themes; the projector shows them instead of the cards.
        await ThemesAsync(sessionId, 3);
        var themes = await CheckAsync(projector, present, "themes");
        Assert.InRange(themes.Cards, 4, Answers.Themes.Length);

        // Step 5, the vote: the chart of dots.
        await RoomAsync(sessionId, s => s.Advance(3));
        await VoteAsync(sessionId, 4, people);
        await RoomAsync(sessionId, s => s.RevealAnswers());
        var vote = await CheckAsync(projector, present, "vote");
        Assert.Equal(Answers.Themes.Length, vote.Cards);

        // Step 7 takes the vote's top themes as its context.
        await RoomAsync(sessionId, s =>
        {
            s.Advance(4);
            s.Advance(5);
        });
        var context = await CheckAsync(projector, present, "context");
        Assert.Equal(4, context.Context);

        await RoomAsync(sessionId, s => s.Close(DateTimeOffset.UtcNow));
        await CheckAsync(projector, present, "closed");
        AssertNoErrors();
    });

    /// <summary>The charts fit too: a rating step's four items, a choice, and where everyone is in a self-paced session.</summary>
    [ChromiumFact]
    public Task Rating_choice_and_self_paced_charts_fit_one_screen_at_720p_and_1080p() => RunAsync(async () =>
    {
        var laptop = await OpenAsync("facilitator", 1366, 768, phone: false);
        await laptop.Context.AddInitScriptAsync(LivePages.RememberLoaded);
        await laptop.Page.SignUpAndMakeASpaceAsync();
        var projector = await laptop.Context.NewPageAsync();

        var inquiry = await SessionAsync(laptop.Page, "Community-of-practice inquiry");
        var people = await RoomAsync(inquiry, s => s.Start(DateTimeOffset.UtcNow));
        await AnswerAsync(inquiry, 0, people, (i, _) => [.. Enumerable.Range(0, 4).Select(item => new AnswerPart(item, "", 1 + ((i + item) % 5)))]);
        await RoomAsync(inquiry, s => s.RevealAnswers());
        var rating = await CheckAsync(projector, $"facilitate/sessions/{inquiry}/present", "rating", publish: false);
        Assert.Equal(4 * 5, rating.Cards);

        var charter = await SessionAsync(laptop.Page, "Leadership-team charter");
        people = await RoomAsync(charter, s =>
        {
            s.Start(DateTimeOffset.UtcNow);
            s.Advance(0);
        });
        await AnswerAsync(charter, 1, people, (i, _) => [new AnswerPart(i % 3 == 0 ? 3 : i % 2, "")]);
        await RoomAsync(charter, s => s.RevealAnswers());
        var choice = await CheckAsync(projector, $"facilitate/sessions/{charter}/present", "choice", publish: false);
        Assert.Equal(4, choice.Cards);

        var alone = await SessionAsync(laptop.Page, "Create a culture of partnership with your leaders", selfPaced: true);
        await RoomAsync(alone, s => s.Start(DateTimeOffset.UtcNow));
        await SpreadAsync(alone);
        var progress = await CheckAsync(projector, $"facilitate/sessions/{alone}/present", "self-paced", publish: false);
        Assert.Equal(8, progress.Cards);

        // A phone is no projector: there the view keeps ordinary type and may scroll, but never sideways.
        await projector.SetViewportSizeAsync(360, 740);
        await projector.GotoAsync($"facilitate/sessions/{inquiry}/present");
        Assert.True(await projector.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth"), "The projector view scrolls sideways on a 360 px phone.");
        AssertNoErrors();
    });

    private static async Task<Guid> SessionAsync(IPage control, string activity, bool selfPaced = false)
    {
        await control.StartASessionAsync(activity, selfPaced);
        return Guid.Parse(SessionId().Match(control.Url).Groups[1].Value);
    }

    /// <summary>
    /// Opens the projector at both sizes, waits for its live part to settle, measures it and takes its picture
    /// (projector-{state}-{720|1080}.png, published unless <paramref name="publish"/> is false). Returns the 1080p measurement.
    /// </summary>
    private async Task<Fit> CheckAsync(IPage projector, string url, string state, bool wordsBeside = false, bool publish = true)
    {
        Fit? large = null;
        foreach (var (width, height, name) in Sizes)
        {
            await projector.SetViewportSizeAsync(width, height);
            await projector.GotoAsync(url);
            await LivePages.SettledAsync(projector);
            var fit = JsonSerializer.Deserialize<Fit>(await projector.EvaluateAsync<string>(Measure), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            Phase($"{state} at {width}×{height}: scrollHeight {fit.ScrollHeight} / innerHeight {fit.InnerHeight}, scrollWidth {fit.ScrollWidth}, {fit.Cards} cards shown, {fit.Clipped} cut off, smallest answer {fit.AnswerFont:0.#} px, more: [{string.Join("; ", fit.More)}]");
            Assert.True(fit.ScrollHeight <= fit.InnerHeight, $"{state} at {width}×{height} scrolls: {fit.ScrollHeight} px for a {fit.InnerHeight} px screen.");
            Assert.True(fit.ScrollWidth <= fit.InnerWidth, $"{state} at {width}×{height} scrolls sideways: {fit.ScrollWidth} px.");
            Assert.Equal(0, fit.Clipped);
            Assert.Equal(1, fit.Headings);
            if (fit.Cards > 0 && fit.AnswerFont > 0)
            {
                Assert.True(fit.AnswerFont >= 28.0 * height / 1080 - 0.01, $"{state} at {width}×{height}: answers in {fit.AnswerFont} px type.");
            }

            if (wordsBeside)
            {
                Assert.True(fit.WordsVisible, $"{state} at {width}×{height}: the word chart is not on the screen.");
            }

            await Screenshot(new Screen("projector", projector.Context, projector), $"projector-{state}-{name}.png", publish);
            if (large is not null)
            {
                // The same layout at both sizes: the server decides what fits in units of the screen.
                Assert.Equal(large.Cards, fit.Cards);
            }

            large = fit;
        }

        return large!;
    }

    /// <summary>What the projector shows, measured in the page: its size, the cards and chart rows, and any cut off.</summary>
    private const string Measure = """
        () => {
          const cards = [...document.querySelectorAll('.wall li, .themes-list > li, .bar-rows li')];
          const clipped = cards.filter(c => {
            const region = c.closest('.compare-side, .answers-region, .words, .projector-stage').getBoundingClientRect();
            const r = c.getBoundingClientRect();
            return r.bottom > region.bottom + 0.5 || r.right > region.right + 0.5 || r.bottom > innerHeight || r.right > innerWidth;
          });
          const answers = [...document.querySelectorAll('.wall li, .themes-list blockquote')].map(c => parseFloat(getComputedStyle(c).fontSize));
          const words = document.querySelector('.words');
          const w = words ? words.getBoundingClientRect() : null;
          return JSON.stringify({
            scrollHeight: document.scrollingElement.scrollHeight, innerHeight,
            scrollWidth: document.scrollingElement.scrollWidth, innerWidth,
            cards: cards.length - (words ? words.querySelectorAll('li').length : 0),
            clipped: clipped.length,
            answerFont: answers.length ? Math.min(...answers) : 0,
            more: [...document.querySelectorAll('.projector-more')].map(m => m.textContent.trim()),
            headings: document.querySelectorAll('h1').length,
            wordsVisible: !!w && w.height > 0 && w.bottom <= innerHeight && w.right <= innerWidth,
            context: document.querySelectorAll('.context li').length,
          });
        }
        """;

    private sealed record Fit(int ScrollHeight, int InnerHeight, int ScrollWidth, int InnerWidth, int Cards, int Clipped, double AnswerFont, IReadOnlyList<string> More, int Headings, bool WordsVisible, int Context);

    /// <summary>Changes the session as the facilitator's buttons would; the first call also lets the room in.</summary>
    private async Task<IReadOnlyList<Participant>> RoomAsync(Guid sessionId, Action<Session> change)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        var people = await db.Participants.Where(p => p.SessionId == sessionId).ToListAsync();
        if (people.Count == 0 && session.State == SessionState.Lobby)
        {
            people = [.. Enumerable.Range(0, Room).Select(_ => session.Join(null, DateTimeOffset.UtcNow))];
            db.Participants.AddRange(people);
        }

        change(session);
        await db.SaveChangesAsync();
        return people;
    }

    private Task AnswerAsync(Guid sessionId, int step, IReadOnlyList<Participant> people, Func<int, Participant, string[]> texts) =>
        AnswerAsync(sessionId, step, people, (i, person) => [.. texts(i, person).Select((text, slot) => new AnswerPart(slot, text))]);

    private async Task AnswerAsync(Guid sessionId, int step, IReadOnlyList<Participant> people, Func<int, Participant, AnswerPart[]> parts)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        for (var i = 0; i < people.Count; i++)
        {
            db.Responses.Add(session.Answer(people[i], step, new Answer(parts(i, people[i])), null, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A self-paced room spread over the steps: person i has moved on i % 8 steps.</summary>
    private async Task SpreadAsync(Guid sessionId)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        var people = await db.Participants.Where(p => p.SessionId == sessionId).ToListAsync();
        for (var i = 0; i < people.Count; i++)
        {
            for (var step = 0; step < i % session.Activity.Prompts.Count; step++)
            {
                session.MoveParticipant(people[i], step, +1);
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Names the themes and puts each card in one, as a facilitator does on the board.</summary>
    private async Task ThemesAsync(Guid sessionId, int step)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var boards = scope.ServiceProvider.GetRequiredService<ThemeBoards>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        await boards.EditAsync(session, step, (board, cards) => board.AddThemes(
            Answers.Themes.Select((name, t) => (name, (IReadOnlyList<Domain.Themes.CardKey>)[.. cards.Where(c => Array.IndexOf(Answers.Characteristics, c.Text) == t).Select(c => c.Key)])),
            DateTimeOffset.UtcNow), CancellationToken.None);
    }

    private async Task VoteAsync(Guid sessionId, int step, IReadOnlyList<Participant> people)
    {
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            await scope.ServiceProvider.GetRequiredService<ThemeBoards>().OpenVoteAsync(session, step, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var ballot = session.PromptAt(step).Options.Count;
            for (var i = 0; i < people.Count; i++)
            {
                var first = i % 4 == 0 ? i % ballot : i % 3;
                var second = (first + 1 + (i % (ballot - 1))) % ballot;
                var answer = new Answer([new AnswerPart(first, "", 2), new AnswerPart(second, "", 1)]);
                db.Responses.Add(session.Answer(people[i], step, answer, null, DateTimeOffset.UtcNow));
            }

            await db.SaveChangesAsync();
        }
    }

    [GeneratedRegex("/facilitate/sessions/([0-9a-f-]{36})$")]
    private static partial Regex SessionId();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>What a room of school leaders might write: short and long, so the cards wrap and some are cut short.</summary>
    private static class Answers
    {
        public static readonly string[] Well =
        [
            "We agreed on one clear goal",
            "Everyone spoke up",
            "The principal listened before deciding and we all knew why each decision was made, even when it was not the one we wanted",
            "Roles were clear",
            "Trust",
            "We met every week and kept notes everyone could read",
            "Disagreement was welcome",
            "We celebrated small wins together",
            "Data guided our choices, not hunches",
            "Shared norms that we actually used in every meeting and revisited each term",
        ];

        public static readonly string[] NotWell =
        [
            "Nobody owned decisions",
            "Meetings ran long",
            "Decisions were made in the parking lot after the meeting, so what we agreed at the table never held",
            "Blame",
            "Unclear goals",
            "Some voices always dominated and the newer teachers stopped coming",
            "No follow-through",
            "We never looked at student work",
            "Too many priorities at once",
            "The agenda arrived five minutes before we started",
        ];

        public static readonly string[] Characteristics =
        [
            "Trust",
            "Clear roles and responsibilities",
            "Honest conversations about student learning, even the uncomfortable ones about our own practice",
            "Shared goals",
            "Follow-through",
            "Listening",
            "Time protected for the team's work on every calendar, every week of the school year, without exception",
            "Celebrating progress",
        ];

        /// <summary>The order of the characteristics from most to least named: each person names four in a row of it.</summary>
        public static readonly int[] Popularity = [6, 2, 0, 3, 1, 4, 5, 7];

        /// <summary>The facilitator's name for each characteristic's theme, in the same order.</summary>
        public static readonly string[] Themes =
        [
            "Trust and honesty",
            "Clear roles",
            "Looking at student learning together",
            "A shared goal",
            "Follow-through on decisions",
            "Listening to every voice",
            "Protected time",
            "Celebrating progress",
        ];
    }
}
