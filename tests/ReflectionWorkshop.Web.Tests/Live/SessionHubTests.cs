using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Live;

/// <summary>The live channel over a real Kestrel server and the .NET SignalR client.</summary>
public sealed class SessionHubTests(SharedWorkshop shared) : KestrelHubTests(shared), IClassFixture<SharedWorkshop>
{
    [Fact]
    public async Task A_step_change_reaches_the_phones_that_follow_the_session()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var connection = await ConnectAsync(phone);
        var moves = Collect<LiveState>(connection, "state");

        var initial = await connection.InvokeAsync<LiveState>("Follow", session.Code);
        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);

        Assert.Equal(new LiveState("Lobby", 0), initial);
        Assert.Equal(new LiveState("Running", 1), await moves.WaitForAsync(s => s.Step == 1) with { View = null });
    }

    [Fact]
    public async Task A_step_change_carries_the_rooms_view_of_the_step_in_each_phones_language_with_nothing_of_one_phone()
    {
        var facilitator = NewVisitor();
        var session = await facilitator.OpenSessionAsync("two-team-compare", anonymity: "Named");
        var english = NewVisitor("en");
        await english.JoinWithCodeAsync(session.Code, name: "Ada Lovelace");
        var spanish = NewVisitor("es");
        await spanish.JoinWithCodeAsync(session.Code, name: "Rosa Parks");
        var heardInEnglish = await FollowAsync(english, session, "en");
        var heardInSpanish = await FollowAsync(spanish, session, "es");

        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);

        var inEnglish = (await heardInEnglish.WaitForAsync(s => s.Step == 1, "step 2 in English")).View;
        var inSpanish = (await heardInSpanish.WaitForAsync(s => s.Step == 1, "step 2 in Spanish")).View;
        Assert.NotNull(inEnglish);
        Assert.NotNull(inSpanish);
        Assert.Contains("what made the biggest difference?", inEnglish, StringComparison.Ordinal);
        Assert.Contains("¿qué marcó la mayor diferencia?", System.Net.WebUtility.HtmlDecode(inSpanish), StringComparison.Ordinal);
        foreach (var view in new[] { inEnglish, inSpanish })
        {
            Assert.Contains("data-answer-form", view, StringComparison.Ordinal);
            Assert.Contains("name=\"Input.Step\" value=\"1\"", view, StringComparison.Ordinal);
            Assert.DoesNotContain("__RequestVerificationToken", view, StringComparison.Ordinal);
            Assert.DoesNotContain("data-token", view, StringComparison.Ordinal);
            Assert.DoesNotContain("Ada Lovelace", view, StringComparison.Ordinal);
            Assert.DoesNotContain("Rosa Parks", view, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_phone_answers_through_the_rooms_view_with_its_own_token_as_its_script_does()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var lobby = await phone.GetAsync(session.PhoneUrl);
        var token = lobby.Document.QuerySelector("[data-live]")!.GetAttribute("data-token");
        var heard = await FollowAsync(phone, session);

        await facilitator.StartAsync(session);
        var view = (await heard.WaitForAsync(s => s.State == "Running" && s.View is not null, "step 1 with its view")).View!;

        // What live.js does with the view: this phone's token into each form, then the form posts as usual.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(view);
        var form = document.QuerySelector("form[data-answer-form]")!;
        form.Insert(AngleSharp.Dom.AdjacentPosition.BeforeEnd, $"<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"{token}\" />");
        var shown = new ReflectionWorkshop.TestSupport.Page(lobby.Url, HttpStatusCode.OK, document);
        var saved = await phone.SubmitAsync(shown, "form[data-answer-form]", ("Input.Left", "We listened"), ("Input.Right", "We rushed"));

        Assert.NotNull(token);
        Assert.NotNull(saved.Document.QuerySelector("#saved-heading"));
        Assert.Equal("0", saved.Document.QuerySelector("[data-live]")!.GetAttribute("data-answered"));
    }

    [Fact]
    public async Task When_the_session_closes_the_signal_carries_no_view_as_each_phone_shows_its_own_answers()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var heard = await FollowAsync(phone, session);
        await facilitator.StartAsync(session);
        await phone.AnswerAsync(session, ("Input.Left", "Listened"), ("Input.Right", "Rushed"));

        await facilitator.CloseAsync(session);

        var closed = await heard.WaitForAsync(s => s.State == "Closed", "the close");
        Assert.Null(closed.View);
    }

    [Fact]
    public async Task An_answer_reaches_the_facilitators_page_as_a_change_signal_and_never_reaches_phones()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var other = await JoinAsync(session);
        await facilitator.StartAsync(session);
        var watcher = await ConnectAsync(facilitator);
        var changes = Collect<string>(watcher, "changed");
        var otherPhone = await ConnectAsync(other);
        var leaked = Collect<string>(otherPhone, "changed");
        await watcher.InvokeAsync<LiveState>("Watch", SessionId(session));
        await otherPhone.InvokeAsync<LiveState>("Follow", session.Code);

        await phone.AnswerAsync(session, ("Input.Left", "Listened"), ("Input.Right", "Rushed"));

        Assert.Equal("answers", await changes.WaitForAsync(c => c == "answers"));
        Assert.Empty(leaked.Received);
    }

    [Fact]
    public async Task A_phone_cannot_watch_a_session_as_a_facilitator()
    {
        var (_, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var connection = await ConnectAsync(phone);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Watch", SessionId(session)));

        Assert.Contains("unauthorized", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_phone_cannot_follow_a_session_it_did_not_join()
    {
        var (facilitator, session) = await OpenAsync();
        var elsewhere = await facilitator.OpenSessionAsync("two-team-compare");
        var phone = await JoinAsync(elsewhere);
        var connection = await ConnectAsync(phone);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Follow", session.Code));

        Assert.Contains("Join the session first", refused.Message);
    }

    [Fact]
    public async Task A_facilitator_of_another_space_cannot_watch_the_session()
    {
        var (_, session) = await OpenAsync();
        var stranger = NewVisitor();
        await stranger.SignUpAsync(spaceName: "Another district");
        var connection = await ConnectAsync(stranger);

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<LiveState>("Watch", SessionId(session)));

        Assert.Contains("not found", refused.Message);
    }

    [Fact]
    public async Task A_phone_that_reconnects_reads_where_the_room_is_now()
    {
        var (facilitator, session) = await OpenAsync();
        var phone = await JoinAsync(session);
        var first = await ConnectAsync(phone);
        await first.InvokeAsync<LiveState>("Follow", session.Code);
        await first.StopAsync();

        await facilitator.StartAsync(session);
        await facilitator.NextAsync(session);
        var again = await ConnectAsync(phone);

        Assert.Equal(new LiveState("Running", 1), await again.InvokeAsync<LiveState>("Follow", session.Code));
        Assert.Null((await again.InvokeAsync<LiveState>("Follow", session.Code)).View);
    }

    /// <summary>The phone's page follows the session, as live.js does; returns what it hears.</summary>
    private async Task<ReflectionWorkshop.TestSupport.Inbox<LiveState>> FollowAsync(Visitor phone, RunningSession session, string? language = null)
    {
        var connection = await ConnectAsync(phone, language);
        var heard = Collect<LiveState>(connection, "state");
        await connection.InvokeAsync<LiveState>("Follow", session.Code);
        return heard;
    }

    private async Task<(Visitor Facilitator, RunningSession Session)> OpenAsync()
    {
        var facilitator = NewVisitor();
        return (facilitator, await facilitator.OpenSessionAsync("two-team-compare"));
    }

    private async Task<Visitor> JoinAsync(RunningSession session)
    {
        var phone = NewVisitor();
        await phone.JoinWithCodeAsync(session.Code);
        return phone;
    }

    private static Guid SessionId(RunningSession session) => Guid.Parse(session.RunUrl.Split('/').Last());
}
