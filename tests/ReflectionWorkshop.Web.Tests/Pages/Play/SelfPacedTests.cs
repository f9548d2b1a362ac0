using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

public sealed class SelfPacedTests : IDisposable
{
    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Each_phone_moves_on_its_own_and_the_facilitator_watches_progress_per_step()
    {
        var facilitator = _app.NewVisitor();
        var session = await facilitator.OpenSessionAsync("every-kind", pacing: "SelfPaced");
        var quick = _app.NewVisitor();
        var slow = _app.NewVisitor();
        await quick.JoinWithCodeAsync(session.Code);
        await slow.JoinWithCodeAsync(session.Code);
        var run = await facilitator.StartAsync(session);
        Assert.Null(run.Document.QuerySelector("form[action*='handler=Next']"));

        await quick.AnswerAsync(session, ("Input.Text", "First step done"));
        var moved = await quick.SubmitAsync(await quick.GetAsync(session.PhoneUrl), "form[action*='handler=Move']:has(input[name=direction][value='1'])");
        await quick.AnswerAsync(session, ("Input.Items[0]", "Trust"), ("Input.Items[1]", "Time"));
        var slowScreen = await slow.GetAsync(session.PhoneUrl);
        var progress = await facilitator.GetAsync(session.RunUrl);
        var secondStep = await facilitator.GetAsync(session.RunUrl + "?view=1");

        Assert.Equal("Name the characteristics", moved.H1);
        Assert.Contains("Step 2 of 6", moved.Text);
        Assert.Equal("What did you learn?", slowScreen.H1);
        var rows = progress.Document.QuerySelectorAll("table.progress tbody tr").Take(2)
            .Select(tr => string.Join("|", tr.Children.Skip(1).Select(c => c.TextContent.Trim())));
        Assert.Equal(["1|1", "1|1"], rows);
        Assert.Equal(["Trust", "Time"], secondStep.Document.QuerySelectorAll(".answers .answer-list li").Select(li => li.TextContent.Trim()));
    }
}
