using System.Net;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>The theme board, the vote on its themes and the steps that build on them, through the real forms.</summary>
public sealed class ThemeBoardTests : IClassFixture<ThemeBoardTests.App>
{
    /// <summary>The app the tests of this class share, with the activities they use.</summary>
    public sealed class App() : SharedWorkshop(("chained.md", Chained));

    private const string Chained = """
        ---
        id: chained
        title: Characteristics, vote, actions
        purpose: Name characteristics, vote on their themes, act on the top one.
        ---

        ## list: What characteristics set the team that worked apart?
        min: 1
        max: 2
        item-label: Characteristic

        ## vote: Which characteristics matter most?
        themes-from: 1
        dots: 3

        ## text: What will you do about the top one?
        context-from: 2
        context-top: 1

        ## compare: Two teams
        left: Went very well
        right: Did not work

        ## rating: How much trust is there?
        scale: Low | High
        item: In this group
        """;

    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public ThemeBoardTests(ThemeBoardTests.App app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    private static string BoardUrl(RunningSession session, int number) => $"{session.RunUrl}/themes/{number}";

    private Task<(RunningSession Session, Visitor[] Phones)> RoomOnStepOneAsync(params string[][] answers) =>
        _facilitator.RoomWithListAnswersAsync(_app, "chained", answers);

    // "Unthemed" means every card no person has placed: those waiting in the column and those shown in a theme as suggested.
    private static IReadOnlyList<string> CardsOf(Page board, string theme) => theme == "Unthemed"
        ? board.Document.QuerySelectorAll("section.unthemed .board-card .answer, .board-card.suggested .answer").Select(a => a.TextContent.Trim()).ToList()
        : board.Document.QuerySelectorAll("section.theme")
            .Single(s => s.QuerySelector("h2")!.TextContent.Trim() == theme)
            .QuerySelectorAll(".board-card:not(.suggested) .answer").Select(a => a.TextContent.Trim()).ToList();

    private static string ThemeId(Page board, string theme) =>
        board.Document.QuerySelectorAll("section.theme")
            .Single(s => s.QuerySelector("h2")!.TextContent.Trim() == theme)
            .GetAttribute("data-drop")!;

    private async Task<Page> AddThemeAsync(Page board, string name) =>
        await _facilitator.SubmitAsync(board, "form[action*='handler=Add']", ("name", name));

    private async Task<Page> MoveAsync(Page board, string cardText, string theme)
    {
        var card = board.Document.QuerySelectorAll(".board-card").First(c => c.QuerySelector(".answer")!.TextContent.Trim() == cardText);
        return await _facilitator.SubmitAsync(board, $"[data-card='{card.GetAttribute("data-card")}'] form.move-form", ("to", ThemeId(board, theme)));
    }

    [Fact]
    public async Task Every_list_item_is_a_card_and_starts_unthemed()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust", "Clear roles"], ["Shared goal"]);

        var board = await _facilitator.GetAsync(BoardUrl(session, 1));

        Assert.Equal("Themes for step 1: What characteristics set the team that worked apart?", board.H1);
        Assert.Equal(["Trust", "Clear roles", "Shared goal"], CardsOf(board, "Unthemed"));
    }

    [Fact]
    public async Task Drafting_groups_identical_answers_and_a_draft_becomes_a_theme_only_when_accepted()
    {
        var (session, _) = await RoomOnStepOneAsync(
            ["We trusted each other", "Clear roles"],
            ["we trusted each other", "Clear roles"],
            ["We trusted each other", "clear roles"],
            ["Pizza on Fridays"]);
        var board = await _facilitator.GetAsync(BoardUrl(session, 1));

        var drafted = await _facilitator.SubmitAsync(board, "form[action*='handler=Suggest']");

        Assert.Contains("draft theme", drafted.Document.QuerySelector("[data-flash]")?.TextContent ?? drafted.Text);
        Assert.Empty(drafted.Document.QuerySelectorAll("section.theme:not(.unthemed)"));
        var drafts = drafted.Document.QuerySelectorAll("li.draft")
            .Select(d => d.QuerySelectorAll(".draft-cards li").Select(c => c.TextContent.Trim().ToLowerInvariant()).ToList())
            .ToList();
        Assert.Contains(drafts, d => d.Count == 3 && d.All(c => c == "we trusted each other"));
        Assert.Contains(drafts, d => d.Count == 3 && d.All(c => c == "clear roles"));

        var trustDraft = drafted.Document.QuerySelectorAll("li.draft").Single(d => d.TextContent.Contains("trusted", StringComparison.OrdinalIgnoreCase));
        var accepted = await _facilitator.SubmitAsync(drafted, $"#{trustDraft.Id} form", ("name", "Trust"));

        Assert.Contains("Theme “Trust” made from the draft, with 3 cards.", accepted.Text);
        Assert.Equal(3, CardsOf(accepted, "Trust").Count);
        Assert.Single(accepted.Document.QuerySelectorAll("li.draft"));
    }

    [Fact]
    public async Task A_dismissed_draft_leaves_its_cards_loose()
    {
        var (session, _) = await RoomOnStepOneAsync(["Clear roles"], ["clear roles"], ["Clear roles"]);
        var drafted = await _facilitator.SubmitAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "form[action*='handler=Suggest']");
        var draft = drafted.Document.QuerySelector("li.draft")!;

        var dismissed = await _facilitator.ClickAsync(drafted, $"#{draft.Id} button[formaction*='handler=Dismiss']");

        Assert.Contains("dismissed", dismissed.Text);
        Assert.Empty(dismissed.Document.QuerySelectorAll("li.draft"));
        Assert.Equal(3, CardsOf(dismissed, "Unthemed").Count);
    }

    [Fact]
    public async Task A_draft_accepted_under_a_taken_name_comes_back_with_the_name_typed_and_a_message()
    {
        var (session, _) = await RoomOnStepOneAsync(["Clear roles"], ["clear roles"], ["Clear roles"]);
        var board = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "Roles");
        var drafted = await _facilitator.SubmitAsync(board, "form[action*='handler=Suggest']");
        var draft = drafted.Document.QuerySelector("li.draft")!;

        var refused = await _facilitator.SubmitAsync(drafted, $"#{draft.Id} form", ("name", "roles"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("There is already a theme called “roles”", refused.Text);
        Assert.Equal("roles", refused.Document.QuerySelector($"#{draft.Id} input[name='name']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_card_moved_with_its_select_stays_there_after_a_reload()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust", "Clear roles"]);
        var board = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "Trust and reliability");

        var moved = await MoveAsync(board, "Trust", "Trust and reliability");
        var reloaded = await _facilitator.GetAsync(BoardUrl(session, 1));

        Assert.Contains("“Trust” moved to “Trust and reliability”.", moved.Text);
        Assert.Equal(["Trust"], CardsOf(reloaded, "Trust and reliability"));
        Assert.Equal(["Clear roles"], CardsOf(reloaded, "Unthemed"));
    }

    [Fact]
    public async Task A_name_that_is_too_long_is_refused_at_the_field_and_kept_in_it()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust"]);
        var typed = new string('x', 81);

        var refused = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), typed);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Keep a theme's name to 80 characters; this one has 81.", refused.FieldErrors);
        Assert.Equal(typed, refused.Document.QuerySelector("#new-theme")!.GetAttribute("value"));
        Assert.Equal("true", refused.Document.QuerySelector("#new-theme")!.GetAttribute("aria-invalid"));
        Assert.Empty(refused.Document.QuerySelectorAll("section.theme:not(.unthemed)"));
    }

    [Fact]
    public async Task Two_facilitators_renaming_the_same_theme_keep_the_first_name_and_the_second_hears_why()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust"]);
        var colleague = _app.NewVisitor();
        await colleague.SignUpAsync(email: "colleague@example.org", spaceName: null);
        await _facilitator.AcceptInviteAsync(colleague, "Facilitator");
        await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "Trust");
        var mine = await _facilitator.GetAsync(BoardUrl(session, 1));
        var theirs = await colleague.GetAsync(BoardUrl(session, 1));

        await _facilitator.SubmitAsync(mine, "form[action*='handler=Rename']", ("name", "Trust and reliability"));
        var conflict = await colleague.SubmitAsync(theirs, "form[action*='handler=Rename']", ("name", "Counting on each other"));

        Assert.Contains("Another facilitator renamed this theme to “Trust and reliability”", conflict.Text);
        Assert.Contains("“Counting on each other” was not saved", conflict.Text);
        Assert.Single(conflict.Document.QuerySelectorAll("section.theme:not(.unthemed) h2"), h => h.TextContent.Trim() == "Trust and reliability");
    }

    [Fact]
    public async Task Merging_two_themes_keeps_every_card()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust", "Reliable people"]);
        var board = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "Trust");
        board = await AddThemeAsync(board, "Reliability");
        board = await MoveAsync(board, "Trust", "Trust");
        board = await MoveAsync(board, "Reliable people", "Reliability");

        var merged = await _facilitator.SubmitAsync(
            board,
            $"section[data-drop='{ThemeId(board, "Reliability")}'] form[action*='handler=Merge']",
            ("into", ThemeId(board, "Trust")));

        Assert.Equal(["Trust", "Reliable people"], CardsOf(merged, "Trust"));
        Assert.Single(merged.Document.QuerySelectorAll("section.theme:not(.unthemed)"));
    }

    [Fact]
    public async Task Splitting_makes_a_new_theme_from_the_ticked_cards()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust", "Honesty"]);
        var board = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "Trust");
        board = await MoveAsync(board, "Trust", "Trust");
        board = await MoveAsync(board, "Honesty", "Trust");
        var honesty = board.Document.QuerySelectorAll(".board-card").First(c => c.QuerySelector(".answer")!.TextContent.Trim() == "Honesty").GetAttribute("data-card")!;

        var split = await _facilitator.SubmitAsync(board, "form[action*='handler=Split']", ("cards", honesty), ("name", "Honesty"));

        Assert.Equal(["Trust"], CardsOf(split, "Trust"));
        Assert.Equal(["Honesty"], CardsOf(split, "Honesty"));
    }

    [Fact]
    public async Task A_coach_reads_the_board_without_any_form_to_change_it()
    {
        var (session, _) = await RoomOnStepOneAsync(["Trust"]);
        var coach = _app.NewVisitor();
        await coach.SignUpAsync(email: "coach@example.org", spaceName: null);
        await _facilitator.AcceptInviteAsync(coach, "Coach");

        var board = await coach.GetAsync(BoardUrl(session, 1));

        Assert.Equal(["Trust"], CardsOf(board, "Unthemed"));
        Assert.Empty(board.Document.QuerySelectorAll("main form"));
        var post = await coach.PostWithOwnTokenAsync(BoardUrl(session, 1) + "?handler=Add", ("name", "Sneaky"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty((await _facilitator.GetAsync(BoardUrl(session, 1))).Document.QuerySelectorAll("section.theme:not(.unthemed)"));
    }

    [Fact]
    public async Task A_step_without_free_answers_has_no_board()
    {
        var session = await _facilitator.OpenSessionAsync("chained");

        Assert.Equal(HttpStatusCode.NotFound, (await _facilitator.GetAsync(BoardUrl(session, 2))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _facilitator.GetAsync(BoardUrl(session, 9))).Status);
    }

    [Fact]
    public async Task The_room_votes_on_the_themes_and_the_next_step_shows_the_top_one()
    {
        var (session, phones) = await RoomOnStepOneAsync(["Trust", "Clear roles"], ["Reliable", "Roles"]);
        var board = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 1)), "Trust");
        board = await AddThemeAsync(board, "Roles");
        foreach (var (card, theme) in new[] { ("Trust", "Trust"), ("Reliable", "Trust"), ("Clear roles", "Roles") })
        {
            board = await MoveAsync(board, card, theme);
        }

        var run = await _facilitator.NextAsync(session);
        var ballot = await phones[0].GetAsync(session.PhoneUrl);

        Assert.Contains("Votes: 0 of 2", run.Text);
        Assert.Equal(["Trust", "Roles"], ballot.Document.QuerySelectorAll(".ballot-row label").Select(l => l.TextContent.Trim()));

        var overspent = await phones[0].AnswerAsync(session, ("Input.Dots[0]", "3"), ("Input.Dots[1]", "1"));
        Assert.Contains("You have 3 dots and placed 4. Take 1 back and save again.", overspent.FieldErrors);
        Assert.Equal("3", overspent.Document.QuerySelector("#dots-0")!.GetAttribute("value"));

        await phones[0].AnswerAsync(session, ("Input.Dots[0]", "1"), ("Input.Dots[1]", "2"));
        await phones[1].AnswerAsync(session, ("Input.Dots[1]", "3"));
        var ranking = await _facilitator.GetAsync(session.RunUrl);
        var rows = ranking.Document.QuerySelectorAll("table.ratings tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["1|Roles|5|2", "2|Trust|1|1"], rows);

        await _facilitator.NextAsync(session);
        var next = await phones[1].GetAsync(session.PhoneUrl);
        Assert.Contains("The room's top-voted themes (step 2)", next.Text);
        Assert.Equal(["Roles"], next.Document.QuerySelectorAll(".context li").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task A_vote_with_too_few_themes_waits_and_the_phones_say_so_until_it_opens()
    {
        var (session, phones) = await RoomOnStepOneAsync(["Trust"], ["Roles"]);

        var run = await _facilitator.NextAsync(session);
        var waiting = await phones[0].GetAsync(session.PhoneUrl);

        Assert.Contains("The vote is not open yet", run.Text);
        Assert.Contains("A vote needs at least two themes, and step 1 has 0 so far.", run.Text);
        Assert.Contains("The vote opens as soon as the facilitator has gathered the room's themes.", waiting.Text);
        Assert.Null(waiting.Document.QuerySelector("form[data-answer-form]"));

        var board = await _facilitator.GetAsync(BoardUrl(session, 1));
        board = await AddThemeAsync(board, "Trust");
        board = await AddThemeAsync(board, "Roles");
        board = await MoveAsync(board, "Trust", "Trust");
        await MoveAsync(board, "Roles", "Roles");
        var opened = await _facilitator.SubmitAsync(await _facilitator.GetAsync(session.RunUrl), "form[action*='handler=OpenVote']");

        Assert.Contains("Votes: 0 of 2", opened.Text);
        Assert.NotNull((await phones[0].GetAsync(session.PhoneUrl)).Document.QuerySelector(".ballot"));
    }

    [Fact]
    public async Task A_compare_board_ranks_themes_by_what_set_the_two_sides_apart()
    {
        var session = await _facilitator.OpenSessionAsync("chained");
        var phones = new[] { _app.NewVisitor(), _app.NewVisitor() };
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await _facilitator.StartAsync(session);
        for (var i = 0; i < 3; i++)
        {
            await _facilitator.NextAsync(session);
        }

        await phones[0].AnswerAsync(session, ("Input.Left", "We trusted each other"), ("Input.Right", "Nobody knew their role"));
        await phones[1].AnswerAsync(session, ("Input.Left", "Total trust"), ("Input.Right", "We trusted each other, roles were a mess"));
        var board = await AddThemeAsync(await _facilitator.GetAsync(BoardUrl(session, 4)), "Trust");
        board = await AddThemeAsync(board, "Roles");
        board = await MoveAsync(board, "We trusted each other", "Trust");
        board = await MoveAsync(board, "Total trust", "Trust");
        board = await MoveAsync(board, "Nobody knew their role", "Roles");
        board = await MoveAsync(board, "We trusted each other, roles were a mess", "Roles");

        var rows = board.Document.QuerySelectorAll("table.ratings tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Trust|2 of 2|0 of 2|Went very well", "Roles|0 of 2|2 of 2|Did not work"], rows);
    }

    [Fact]
    public async Task Rating_results_stay_hidden_below_the_anonymity_floor()
    {
        var session = await _facilitator.OpenSessionAsync("chained");
        var phones = Enumerable.Range(0, 3).Select(_ => _app.NewVisitor()).ToArray();
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await _facilitator.StartAsync(session);
        for (var i = 0; i < 4; i++)
        {
            await _facilitator.NextAsync(session);
        }

        await phones[0].AnswerAsync(session, ("Input.Ratings[0]", "2"));
        await phones[1].AnswerAsync(session, ("Input.Ratings[0]", "1"));
        var below = await _facilitator.GetAsync(session.RunUrl);

        Assert.Contains("Results appear once at least 3 people have answered (2 so far)", below.Text);
        Assert.Empty(below.Document.QuerySelectorAll("table.ratings"));

        await phones[2].AnswerAsync(session, ("Input.Ratings[0]", "2"));
        var reached = await _facilitator.GetAsync(session.RunUrl);
        var row = reached.Document.QuerySelector("table.ratings tbody tr")!;
        Assert.Equal("In this group|1|2|1.7", string.Join("|", row.Children.Select(c => c.TextContent.Trim())));
    }
}
