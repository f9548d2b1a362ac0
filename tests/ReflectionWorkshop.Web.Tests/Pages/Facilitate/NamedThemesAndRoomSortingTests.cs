using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>
/// The facilitator names themes, the board places each card under the likeliest name (one tap, or confirming the
/// suggested ones), and the room sorts its own cards from the phones — all through the real forms.
/// </summary>
public sealed class NamedThemesAndRoomSortingTests : IClassFixture<NamedThemesAndRoomSortingTests.App>
{
    /// <summary>The app the tests of this class share, with the activities they use.</summary>
    public sealed class App() : SharedWorkshop(("characteristics.md", Characteristics));

    private const string Characteristics = """
        ---
        id: characteristics
        title: Characteristics
        purpose: Name what set the team apart.
        ---

        ## list: What set the team that worked apart?
        min: 1
        max: 2
        item-label: Characteristic

        ## text: Anything else?
        """;

    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public NamedThemesAndRoomSortingTests(NamedThemesAndRoomSortingTests.App app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    private static string BoardUrl(RunningSession session) => $"{session.RunUrl}/themes/1";

    private Task<(RunningSession Session, Visitor[] Phones)> RoomAsync(params string[][] answers) =>
        _facilitator.RoomWithListAnswersAsync(_app, "characteristics", answers);

    private async Task<Page> NameAsync(Page board, params string[] names)
    {
        foreach (var name in names)
        {
            board = await _facilitator.SubmitAsync(board, "form[action*='handler=Add']", ("name", name));
        }

        return board;
    }

    private static IReadOnlyList<string> Placed(Page board, string theme) =>
        Section(board, theme).QuerySelectorAll(".board-card:not(.suggested) .answer").Select(a => a.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Section(Page board, string theme) =>
        board.Document.QuerySelectorAll("section.theme").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == theme);

    private static AngleSharp.Dom.IElement CardOf(Page board, string text) =>
        board.Document.QuerySelectorAll(".board-card").Single(c => c.QuerySelector(".answer")!.TextContent.Trim() == text);

    [Fact]
    public async Task Every_loose_card_offers_the_named_themes_likeliest_first_and_one_tap_places_it()
    {
        var (session, _) = await RoomAsync(["Clear roles and who owns what", "We met every week without fail"]);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Regular meetings", "Clear roles");

        var card = CardOf(board, "Clear roles and who owns what");
        var offered = card.QuerySelectorAll("form.tap-form button").Select(b => b.TextContent.Trim()).ToList();
        Assert.True(offered.Count >= 1, "the card offers at least one theme to tap");
        Assert.True(card.ClassList.Contains("suggested") ? Section(board, "Clear roles").Contains(card) : offered[0] == "Clear roles",
            "the likeliest theme for a card about roles is the roles theme");

        var tapped = await _facilitator.ClickAsync(board, $"#{card.Id} form.tap-form button[value='{Section(board, "Clear roles").GetAttribute("data-drop")}']");

        Assert.Contains("Card placed in “Clear roles”.", tapped.Text);
        Assert.Equal(["Clear roles and who owns what"], Placed(tapped, "Clear roles"));
    }

    [Fact]
    public async Task Sure_cards_show_as_suggested_in_their_theme_until_confirmed_all_at_once()
    {
        var (session, _) = await RoomAsync(
            ["We trusted each other completely", "Clear roles"],
            ["Deep trust between us", "Everyone knew their role"],
            ["High trust, we relied on each other", "Roles were clear"]);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Trust", "Clear roles");
        var trust = await _facilitator.SubmitAsync(board, $"#{CardOf(board, "We trusted each other completely").Id} form.move-form", ("to", Section(board, "Trust").GetAttribute("data-drop")!));
        var roles = await _facilitator.SubmitAsync(trust, $"#{CardOf(trust, "Clear roles").Id} form.move-form", ("to", Section(trust, "Clear roles").GetAttribute("data-drop")!));

        var suggested = roles.Document.QuerySelectorAll(".board-card.suggested").ToList();
        Assert.NotEmpty(suggested);
        Assert.All(suggested, card => Assert.Contains("Suggested", card.TextContent));
        var withSuggestions = roles.Document.QuerySelectorAll("section.theme").First(s => s.QuerySelector(".board-card.suggested") is not null);
        var name = withSuggestions.QuerySelector("h2")!.TextContent.Trim();
        var count = withSuggestions.QuerySelectorAll(".board-card.suggested").Length;
        var before = Placed(roles, name).Count;

        var confirmed = await _facilitator.ClickAsync(roles, $"section[data-drop='{withSuggestions.GetAttribute("data-drop")}'] > form[action*='handler=Confirm'] button");

        Assert.Contains(count == 1 ? $"Card placed in “{name}”." : $"{count} cards placed in “{name}”.", confirmed.Text);
        Assert.Equal(before + count, Placed(confirmed, name).Count);
    }

    [Fact]
    public async Task Confirming_a_card_someone_placed_meanwhile_leaves_it_where_they_put_it()
    {
        var (session, _) = await RoomAsync(["Clear roles"]);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Roles", "Other");
        var card = CardOf(board, "Clear roles");
        var other = Section(board, "Other").GetAttribute("data-drop")!;
        var colleague = await _facilitator.GetAsync(BoardUrl(session));
        await _facilitator.SubmitAsync(colleague, $"#{card.Id} form.move-form", ("to", other));

        var late = await _facilitator.SubmitAsync(board, $"#{card.Id} form.tap-form", ("themeId", Section(board, "Roles").GetAttribute("data-drop")!));

        Assert.Contains("Nothing moved: those cards were placed meanwhile.", late.Text);
        Assert.Equal(["Clear roles"], Placed(late, "Other"));
    }

    [Fact]
    public async Task The_room_sorts_its_own_cards_from_the_phones_and_the_board_fills()
    {
        var (session, phones) = await RoomAsync(["We trusted each other", "Clear roles"], ["Weekly check-ins"]);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Trust", "Roles", "Meetings");

        var sorting = await _facilitator.SubmitAsync(board, "form[action*='handler=RoomSort']");
        Assert.Contains("The room is sorting", sorting.Text);

        // Each phone sees only its own cards, with the themes and one of them chosen already.
        var first = await phones[0].GetAsync(session.PhoneUrl);
        var second = await phones[1].GetAsync(session.PhoneUrl);
        Assert.Equal(["“We trusted each other”", "“Clear roles”"], first.Document.QuerySelectorAll("#sort legend").Select(l => l.TextContent.Trim()));
        Assert.Equal(["“Weekly check-ins”"], second.Document.QuerySelectorAll("#sort legend").Select(l => l.TextContent.Trim()));
        Assert.DoesNotContain("Weekly check-ins", first.Text);
        var trustForm = first.Document.QuerySelectorAll("#sort form").First();
        Assert.Single(trustForm.QuerySelectorAll("input[type=radio]:checked"));
        Assert.Equal(4, trustForm.QuerySelectorAll("input[type=radio]").Length);

        var trustId = Section(sorting, "Trust").GetAttribute("data-drop")!;
        var placed = await phones[0].SubmitAsync(first, "#sort form", ("to", trustId));
        Assert.Contains("Placed in “Trust”.", placed.Text);
        Assert.Contains("You placed it in “Trust”.", placed.Text);

        var filled = await _facilitator.GetAsync(BoardUrl(session));
        Assert.Equal(["We trusted each other"], Placed(filled, "Trust"));
        Assert.Contains("Placed by the room", CardOf(filled, "We trusted each other").TextContent);
    }

    [Fact]
    public async Task A_facilitators_move_wins_over_a_participants_choice()
    {
        var (session, phones) = await RoomAsync(["We trusted each other"]);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Trust", "Roles");
        await _facilitator.SubmitAsync(board, "form[action*='handler=RoomSort']");
        var phone = await phones[0].GetAsync(session.PhoneUrl);
        var roles = Section(board, "Roles").GetAttribute("data-drop")!;

        var current = await _facilitator.GetAsync(BoardUrl(session));
        await _facilitator.SubmitAsync(current, $"#{CardOf(current, "We trusted each other").Id} form.move-form", ("to", Section(current, "Trust").GetAttribute("data-drop")!));
        var refused = await phones[0].SubmitAsync(phone, "#sort form", ("to", roles));

        Assert.Contains("The facilitator has already placed this card in “Trust”; their choice stands.", refused.Text);
        Assert.Contains("The facilitator placed this card in “Trust”.", refused.Text);
        Assert.Equal(["We trusted each other"], Placed(await _facilitator.GetAsync(BoardUrl(session)), "Trust"));
    }

    [Fact]
    public async Task A_phone_cannot_sort_someone_elses_card_nor_sort_once_the_sorting_ended()
    {
        var (session, phones) = await RoomAsync(["We trusted each other"], ["Weekly check-ins"]);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Trust");
        var sorting = await _facilitator.SubmitAsync(board, "form[action*='handler=RoomSort']");
        var trust = Section(sorting, "Trust").GetAttribute("data-drop")!;
        var othersCard = CardOf(sorting, "Weekly check-ins").GetAttribute("data-card")!;
        var phone = await phones[0].GetAsync(session.PhoneUrl);

        var forged = await phones[0].SubmitAsync(phone, "#sort form", ("card", othersCard), ("to", trust));
        Assert.Contains("That card is no longer among your answers.", forged.Text);
        Assert.Empty(Placed(await _facilitator.GetAsync(BoardUrl(session)), "Trust"));

        await _facilitator.SubmitAsync(await _facilitator.GetAsync(BoardUrl(session)), "form[action*='handler=RoomSort']");
        var late = await phones[0].SubmitAsync(phone, "#sort form", ("to", trust));
        Assert.Contains("The room is no longer sorting cards, so that choice was not saved.", late.Text);
        Assert.Null(late.Document.QuerySelector("#sort"));
    }

    [Fact]
    public async Task On_a_later_step_the_room_sorts_the_notes_of_an_earlier_one_until_the_room_moves_on()
    {
        var (session, phones) = await RoomAsync(["We trusted each other"]);
        await _facilitator.NextAsync(session);
        var board = await NameAsync(await _facilitator.GetAsync(BoardUrl(session)), "Trust");

        await _facilitator.SubmitAsync(board, "form[action*='handler=RoomSort']");
        var phone = await phones[0].GetAsync(session.PhoneUrl);

        Assert.Contains("Step 2 of 2", phone.Text);
        Assert.Equal(["“We trusted each other”"], phone.Document.QuerySelectorAll("#sort legend").Select(l => l.TextContent.Trim()));
        var placed = await phones[0].SubmitAsync(phone, "#sort form", ("to", Section(board, "Trust").GetAttribute("data-drop")!));
        Assert.Contains("Placed in “Trust”.", placed.Text);

        await _facilitator.BackAsync(session);
        Assert.Null((await phones[0].GetAsync(session.PhoneUrl)).Document.QuerySelector("#sort"));
    }

    [Fact]
    public async Task A_confirmation_survives_the_boards_live_re_read_between_the_post_and_the_redirect()
    {
        var (session, _) = await RoomAsync(["We trusted each other"]);
        var board = await _facilitator.GetAsync(BoardUrl(session));

        var posted = await _facilitator.PostAsync(board, "form[action*='handler=Add']", ("name", "Trust"));
        using var live = new HttpRequestMessage(HttpMethod.Get, BoardUrl(session));
        live.Headers.Add("X-Live-Refresh", "1");
        (await _facilitator.Client.SendAsync(live)).EnsureSuccessStatusCode();
        var landed = await _facilitator.GetAsync(posted.Headers.Location!.OriginalString);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Theme “Trust” added.", landed.Document.QuerySelector("[data-flash]")?.TextContent);
    }

    [Fact]
    public async Task The_room_cannot_be_asked_to_sort_before_a_theme_is_named()
    {
        var (session, _) = await RoomAsync(["We trusted each other"]);
        var board = await _facilitator.GetAsync(BoardUrl(session));

        var refused = await _facilitator.SubmitAsync(board, "form[action*='handler=RoomSort']");

        Assert.Contains("Name at least one theme first", refused.Text);
    }
}
