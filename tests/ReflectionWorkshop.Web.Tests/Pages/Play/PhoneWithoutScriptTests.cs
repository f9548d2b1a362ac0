using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

/// <summary>A phone without script never dead-ends, and its forms use the code as the room sees it.</summary>
public sealed class PhoneWithoutScriptTests : IDisposable
{
    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();
    private readonly Visitor _facilitator;
    private readonly Visitor _phone;

    public PhoneWithoutScriptTests()
    {
        _facilitator = _app.NewVisitor();
        _phone = _app.NewVisitor();
    }

    public void Dispose() => _app.Dispose();

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
