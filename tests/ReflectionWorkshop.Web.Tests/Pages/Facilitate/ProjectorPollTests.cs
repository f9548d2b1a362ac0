using System.Net;
using System.Text.Json;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Facilitate;

/// <summary>
/// The projector's fallback poll (while its live connection is down) asks the same question as the control page's and
/// compares the answer with the signature the projector was drawn with. Before, the projector carried an empty
/// signature, so every poll differed and the projector reloaded itself every five seconds.
/// </summary>
public sealed class ProjectorPollTests
{
    [Fact]
    public async Task The_projector_and_its_poll_agree_until_an_answer_arrives()
    {
        using var app = new WorkshopFactory();
        var facilitator = app.NewVisitor();
        await facilitator.SignUpAsync();
        var session = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = app.NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        await facilitator.StartAsync(session);

        var drawn = await SignatureAsync(facilitator, session.RunUrl + "/present");
        var quiet = await PollAsync(facilitator, drawn.Poll);
        await phone.AnswerAsync(session, ("Input.Left", "Yes"), ("Input.Right", "No"));
        var afterAnswer = await PollAsync(facilitator, drawn.Poll);

        Assert.NotEqual("", drawn.Signature);
        Assert.Equal(drawn.Signature, quiet);
        Assert.NotEqual(drawn.Signature, afterAnswer);
    }

    private static async Task<(string Signature, string Poll)> SignatureAsync(Visitor visitor, string url)
    {
        var page = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var live = page.Document.QuerySelector("[data-live]")!;
        return (live.GetAttribute("data-signature")!, WebUtility.HtmlDecode(live.GetAttribute("data-poll")!));
    }

    private static async Task<string> PollAsync(Visitor visitor, string url)
    {
        var response = await visitor.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("signature").GetString()!;
    }
}
