using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>A phone without script never dead-ends, and its forms use the code as the room sees it.</summary>
public sealed class PhoneWithoutScriptTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;
    private readonly Visitor _phone;

    public PhoneWithoutScriptTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
        _phone = _app.NewVisitor();
    }

    [Fact]
    public async Task After_saving_a_phone_without_script_has_a_link_that_follows_the_room_to_the_next_step()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        await _phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);

        var saved = await _phone.AnswerAsync(session, ("Input.Text", "Listening first"));
        var follow = saved.Document.QuerySelector("section.saved noscript a")!;
        Assert.Equal($"/s/{session.Code}", follow.GetAttribute("href"));

        await _facilitator.NextAsync(session);
        var next = await _phone.GetAsync(follow.GetAttribute("href")!);
        Assert.Contains("Step 2 of", next.Text);
        Assert.NotNull(next.Document.QuerySelector("form[data-answer-form]"));
    }

    /// <summary>
    /// The whole workshop on a phone without script: after joining, the phone only posts its forms and follows the
    /// links its pages offer (never a reload by hand), from the lobby through every kind of step to the closed room.
    /// </summary>
    [Fact]
    public async Task A_phone_without_script_follows_a_whole_workshop_by_its_links_alone()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        var lobby = await _phone.JoinWithCodeAsync(session.Code);
        Assert.Equal(session.PhoneUrl, lobby.Url);
        await _facilitator.StartAsync(session);

        (string Name, string Value)[][] answers =
        [
            [("Input.Text", "Listening first")],
            [("Input.Items[0]", "Trust"), ("Input.Items[1]", "Clear roles")],
            [("Input.Left", "One goal"), ("Input.Right", "No owner")],
            [("Input.Ratings[0]", "2"), ("Input.Ratings[1]", "1")],
            [("Input.Choices", "0")],
        ];
        var page = await FollowAsync(lobby);
        for (var step = 0; step < answers.Length; step++)
        {
            Assert.Contains($"Step {step + 1} of 6", page.Text);
            var saved = await _phone.SubmitAsync(page, "form[data-answer-form]", answers[step]);
            Assert.NotNull(saved.Document.QuerySelector("section.saved"));
            await _facilitator.NextAsync(session);
            page = await FollowAsync(saved);
        }

        Assert.Contains("Step 6 of 6", page.Text);
        Assert.Null(page.Document.QuerySelector("form[data-answer-form]"));
        await _facilitator.CloseAsync(session);
        var closed = await FollowAsync(page);
        Assert.Equal("Thank you", closed.H1);
        Assert.Contains("Listening first", closed.Text);
    }

    /// <summary>Follows the link a page without script offers to catch up with the room.</summary>
    private async Task<Page> FollowAsync(Page page)
    {
        var link = page.Document.QuerySelector("noscript a[href]");
        Assert.True(link is not null, $"No link to follow on {page.Url}:\n{page.Text}");
        Assert.Equal($"/s/{page.Url.Split('/')[^1].Split('?')[0].ToUpperInvariant()}", link.GetAttribute("href"));
        return await _phone.GetAsync(link.GetAttribute("href")!);
    }

    [Fact]
    public async Task Forms_post_to_the_code_as_the_room_sees_it_even_when_typed_in_lower_case()
    {
        var session = await _facilitator.OpenSessionAsync("every-kind");
        await _phone.JoinWithCodeAsync(session.Code);
        await _facilitator.StartAsync(session);

        var page = await _phone.GetAsync($"/s/{session.Code.ToLowerInvariant()}");

        Assert.Equal($"/s/{session.Code}?handler=Answer", page.Document.QuerySelector("form[data-answer-form]")!.GetAttribute("action"));
        Assert.All(page.Document.QuerySelectorAll(".phone form[method=post]"), form => Assert.StartsWith($"/s/{session.Code}?", form.GetAttribute("action")));
    }
}
