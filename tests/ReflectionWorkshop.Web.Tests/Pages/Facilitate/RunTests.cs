using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

public sealed class RunTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;

    public RunTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
    }

    [Fact]
    public async Task Starting_shows_step_one_on_the_phones()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);

        var run = await _facilitator.StartAsync(session);
        var screen = await phone.GetAsync(session.PhoneUrl);

        Assert.Contains("Step 1 of 6", run.Text);
        Assert.Equal("What did you learn?", screen.H1);
        Assert.Contains("Step 1 of 6", screen.Text);
    }

    [Fact]
    public async Task Next_and_back_move_every_phone_with_the_facilitator()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);

        await _facilitator.NextAsync(session);
        var afterNext = await phone.GetAsync(session.PhoneUrl);
        await _facilitator.BackAsync(session);
        var afterBack = await phone.GetAsync(session.PhoneUrl);

        Assert.Equal("Name the characteristics", afterNext.H1);
        Assert.Equal("What did you learn?", afterBack.H1);
    }

    [Fact]
    public async Task A_second_click_on_a_stale_next_button_does_not_skip_a_step()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        await _facilitator.StartAsync(session);
        var run = await _facilitator.GetAsync(session.RunUrl);

        await _facilitator.SubmitAsync(run, "form[action*='handler=Next']");
        var again = await _facilitator.SubmitAsync(run, "form[action*='handler=Next']");

        Assert.Contains("Step 2 of 6", again.Text);
        Assert.Contains("already on step 2", again.Document.QuerySelector(".alert")!.TextContent);
    }

    [Fact]
    public async Task The_last_step_offers_no_next_button()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        await _facilitator.StartAsync(session);
        Page run = null!;
        for (var i = 0; i < 5; i++)
        {
            run = await _facilitator.NextAsync(session);
        }

        Assert.Contains("Step 6 of 6", run.Text);
        Assert.Null(run.Document.QuerySelector("form[action*='handler=Next']"));
        Assert.Contains("This is the last step", run.Text);
    }

    [Fact]
    public async Task Closing_leads_to_the_closed_room_with_the_summary_a_click_away_and_the_phones_say_thank_you()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Text", "Kept"));

        var run = await _facilitator.CloseAsync(session);
        var screen = await phone.GetAsync(session.PhoneUrl);

        Assert.Equal(session.RunUrl, run.Url);
        Assert.Equal("Thank you", screen.H1);
        Assert.Contains("Kept", screen.Text);
        Assert.Contains("This session is closed", run.Text);
        Assert.Contains("1 person took part.", run.Text);
        Assert.Empty(run.Document.QuerySelectorAll("form[action*='handler=Next'], form[action*='handler=Close']"));
        Assert.Equal("Read the summary", run.Document.QuerySelector($"a.button.primary[href='{session.SummaryUrl}']")?.TextContent.Trim());
        Assert.NotNull(run.Document.QuerySelector($"a[href='{session.RunUrl}/present']"));

        // The projector thanks the room and says where the summary is kept, with no link to follow.
        var projector = await _facilitator.GetAsync(session.RunUrl + "/present");
        Assert.Equal("Thank you", projector.H1);
        Assert.Contains("This session has closed. 1 took part.", projector.Text);
        Assert.Contains("The summary of this session is kept in the Test team space", projector.Text);
        Assert.Empty(projector.Document.QuerySelectorAll("main a"));
    }

    [Fact]
    public async Task Named_sessions_show_names_with_answers_and_anonymous_ones_never_do()
    {
        var named = await _facilitator.OpenSessionAsync("every-kind", "Named");
        var anonymous = await _facilitator.OpenSessionAsync("every-kind", "Anonymous");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(named.Code, "Rosa");
        await phone.JoinWithCodeAsync(anonymous.Code);
        foreach (var session in new[] { named, anonymous })
        {
            await _facilitator.StartAsync(session);
            await phone.AnswerAsync(session, ("Input.Text", "An answer"));
        }

        var namedRun = await _facilitator.GetAsync(named.RunUrl);
        var anonymousRun = await _facilitator.GetAsync(anonymous.RunUrl);

        Assert.Equal("Rosa", namedRun.Document.QuerySelector(".answers .author")!.TextContent.Trim());
        Assert.Empty(anonymousRun.Document.QuerySelectorAll(".answers .author"));
        Assert.Null(anonymousRun.Document.QuerySelector("#people-heading"));
    }

    [Fact]
    public async Task A_rating_step_shows_the_facilitator_totals_never_one_persons_ratings()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind", "Named");
        var phone = _app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code, "Rosa");
        await _facilitator.StartAsync(session);
        for (var i = 0; i < 3; i++)
        {
            await _facilitator.NextAsync(session);
        }

        await phone.AnswerAsync(session, ("Input.Ratings[0]", "3"), ("Input.Ratings[1]", "2"));
        var run = await _facilitator.GetAsync(session.RunUrl);

        Assert.Contains("Answers: 1 of 1", run.Text);
        Assert.Empty(run.Document.QuerySelectorAll(".answers .answer"));
        var rows = run.Document.QuerySelectorAll("table.ratings tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim())));
        Assert.Equal(["Benevolence|0|0|1|3.0", "Reliability|0|1|0|2.0"], rows);
    }

    [Fact]
    public async Task Compare_answers_are_grouped_by_side_for_the_facilitator()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var phones = new[] { _app.NewVisitor(), _app.NewVisitor() };
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await _facilitator.StartAsync(session);
        await _facilitator.NextAsync(session);
        await _facilitator.NextAsync(session);
        await phones[0].AnswerAsync(session, ("Input.Left", "Listened"), ("Input.Right", "Rushed"));
        await phones[1].AnswerAsync(session, ("Input.Left", "Shared goal"), ("Input.Right", "No owner"));

        var run = await _facilitator.GetAsync(session.RunUrl);

        var columns = run.Document.QuerySelectorAll(".compare > div")
            .Select(c => c.QuerySelector("h3")!.TextContent.Trim() + ": " + string.Join(", ", c.QuerySelectorAll("li").Select(li => li.TextContent.Trim())))
            .ToList();
        Assert.Equal(["Went very well: Listened, Shared goal", "Did not work: Rushed, No owner"], columns);
    }

    [Fact]
    public async Task Unknown_session_ids_are_not_found()
    {
        await _facilitator.SignUpAsync();
        var response = await _facilitator.Client.GetAsync($"/facilitate/sessions/{Guid.NewGuid()}");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_sessions_list_links_to_every_session()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");

        var list = await _facilitator.GetAsync("/facilitate/sessions");

        Assert.Contains(session.Code, list.Text);
        Assert.NotNull(list.Document.QuerySelector($"a[href='{session.RunUrl}']"));
        Assert.NotNull(list.Document.QuerySelector($"a[href='{session.SummaryUrl}']"));
    }
}
