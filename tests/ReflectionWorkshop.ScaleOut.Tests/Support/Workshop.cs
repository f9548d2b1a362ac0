using Microsoft.AspNetCore.SignalR.Client;

namespace ReflectionWorkshop.ScaleOut.Tests.Support;

/// <summary>A running session as the facilitator's browser sees it.</summary>
public sealed record RunningSession(string RunUrl, string Code)
{
    public Guid Id => Guid.Parse(RunUrl.Split('/').Last());

    public string PhoneUrl => "/s/" + Code;
}

/// <summary>The steps people take, through the real pages.</summary>
public static class Workshop
{
    public const string Password = "correct horse battery";

    public static async Task SignUpAsync(this Device device)
    {
        var register = await device.GetAsync("/account/register");
        await device.SubmitAsync(
            register,
            "main form",
            ("Input.DisplayName", "Fran Facilitator"),
            ("Input.Email", $"user-{Guid.NewGuid():N}@example.org"),
            ("Input.Password", Password),
            ("Input.ConfirmPassword", Password));
        var spaces = await device.GetAsync("/spaces");
        await device.SubmitAsync(spaces, "form[action*='handler=Create']", ("Name", "District day"));
    }

    public static async Task<RunningSession> OpenSessionAsync(this Device facilitator, string activityId = "two-team-compare")
    {
        var start = await facilitator.GetAsync($"/facilitate/start?activityId={activityId}");
        var run = await facilitator.SubmitAsync(start, "form.start", ("anonymity", "Anonymous"), ("pacing", "Facilitated"));
        Assert.StartsWith("/facilitate/sessions/", run.Url);
        return new RunningSession(run.Url, run.Document.QuerySelector(".join-code")!.TextContent.Trim());
    }

    public static async Task<Page> ControlAsync(this Device facilitator, RunningSession session, string handler)
    {
        var run = await facilitator.GetAsync(session.RunUrl);
        return await facilitator.SubmitAsync(run, $"form[action*='handler={handler}']");
    }

    public static async Task<Page> JoinAsync(this Device phone, RunningSession session)
    {
        var join = await phone.GetAsync("/join");
        return await phone.SubmitAsync(join, "main form", ("Code", session.Code));
    }

    /// <summary>The answer form of the phone's current step, as its page shows it.</summary>
    public static async Task<Page> AnswerFormAsync(this Device phone, RunningSession session)
    {
        var page = await phone.GetAsync(session.PhoneUrl);
        Assert.True(page.Document.QuerySelector("form[data-answer-form]") is not null, $"{phone.Name} has no answer form on {page.Url}:\n{page.Text}");
        return page;
    }

    /// <summary>Messages a live connection received, and a way to wait for the one a test expects.</summary>
    public static Inbox<T> Collect<T>(this HubConnection connection, string method) =>
        connection.Collect<T>(method, TimeSpan.FromSeconds(15));
}
