namespace ReflectionWorkshop.Web.Tests.Support;

/// <summary>A running session as the facilitator's browser sees it.</summary>
public sealed record RunningSession(string RunUrl, string Code)
{
    public string SummaryUrl => RunUrl + "/summary";

    public string PhoneUrl => "/s/" + Code;
}

/// <summary>The steps people take, written once so each test reads like the workshop it describes.</summary>
public static class WorkshopSteps
{
    public const string Password = "correct horse battery";

    /// <summary>Registers an account through the real form and creates a space with it.</summary>
    public static async Task<Page> SignUpAsync(this Visitor visitor, string? email = null, string name = "Fran Facilitator", string? spaceName = "Test team")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.org";
        var register = await visitor.GetAsync("/account/register");
        var landed = await visitor.SubmitAsync(
            register,
            "main form",
            ("Input.DisplayName", name),
            ("Input.Email", email),
            ("Input.Password", Password),
            ("Input.ConfirmPassword", Password));
        visitor.Email = email;
        if (spaceName is null)
        {
            return landed;
        }

        var spaces = await visitor.GetAsync("/spaces");
        return await visitor.SubmitAsync(spaces, "form[action*='handler=Create']", ("Name", spaceName));
    }

    /// <summary>Makes an invite link in the facilitator's current space and lets <paramref name="colleague"/> accept it.</summary>
    public static async Task AcceptInviteAsync(this Visitor facilitator, Visitor colleague, string role)
    {
        var spaces = await facilitator.GetAsync("/spaces");
        var details = await facilitator.GetAsync(spaces.Document.QuerySelector("td a[href^='/spaces/']")!.GetAttribute("href")!);
        var withLink = await facilitator.SubmitAsync(details, "form[action*='handler=Invite']", ("role", role));
        var link = new Uri(withLink.Document.QuerySelector("#invite-link")!.GetAttribute("value")!).PathAndQuery;
        var invite = await colleague.GetAsync(link);
        await colleague.SubmitAsync(invite, "main form");
    }

    /// <summary>Picks an activity in the catalogue and starts a session of it, signing up first if needed.</summary>
    public static async Task<RunningSession> OpenSessionAsync(this Visitor facilitator, string activityId, string anonymity = "Anonymous", string pacing = "Facilitated")
    {
        if (facilitator.Email is null)
        {
            await facilitator.SignUpAsync();
        }

        var catalogue = await facilitator.GetAsync("/facilitate");
        // A space's own activity's link also names it (customActivityId).
        var link = catalogue.Document.QuerySelector($"a.start[href='/facilitate/start?activityId={activityId}'], a.start[href^='/facilitate/start?activityId={activityId}&']");
        var start = await facilitator.GetAsync(link!.GetAttribute("href")!);
        var run = await facilitator.SubmitAsync(start, "form.start", ("anonymity", anonymity), ("pacing", pacing));
        Assert.StartsWith("/facilitate/sessions/", run.Url);
        var code = run.Document.QuerySelector(".join-code")!.TextContent.Trim();
        return new RunningSession(run.Url, code);
    }

    public static async Task<Page> StartAsync(this Visitor facilitator, RunningSession session)
    {
        var run = await facilitator.GetAsync(session.RunUrl);
        return await facilitator.SubmitAsync(run, "form[action*='handler=Start']");
    }

    public static async Task<Page> NextAsync(this Visitor facilitator, RunningSession session)
    {
        var run = await facilitator.GetAsync(session.RunUrl);
        return await facilitator.SubmitAsync(run, "form[action*='handler=Next']");
    }

    public static async Task<Page> BackAsync(this Visitor facilitator, RunningSession session)
    {
        var run = await facilitator.GetAsync(session.RunUrl);
        return await facilitator.SubmitAsync(run, "form[action*='handler=Back']");
    }

    public static async Task<Page> CloseAsync(this Visitor facilitator, RunningSession session)
    {
        var run = await facilitator.GetAsync(session.RunUrl);
        return await facilitator.SubmitAsync(run, "form[action*='handler=Close']");
    }

    /// <summary>Closes the session, lands on the closed room and follows its link to the summary, as a facilitator does.</summary>
    public static async Task<Page> CloseAndReadSummaryAsync(this Visitor facilitator, RunningSession session)
    {
        var closed = await facilitator.CloseAsync(session);
        Assert.Equal(session.RunUrl, closed.Url);
        var link = closed.Document.QuerySelector($"a.button[href='{session.SummaryUrl}']");
        Assert.NotNull(link);
        return await facilitator.GetAsync(link.GetAttribute("href")!);
    }

    /// <summary>Joins through /join by typing the code, as most phones do.</summary>
    public static async Task<Page> JoinWithCodeAsync(this Visitor phone, string typedCode, string? name = null)
    {
        var join = await phone.GetAsync("/join");
        var next = await phone.SubmitAsync(join, "main form", ("Code", typedCode));
        return name is null || !next.Url.StartsWith("/j/", StringComparison.Ordinal)
            ? next
            : await phone.SubmitAsync(next, "main form", ("DisplayName", name));
    }

    /// <summary>Joins through the link behind the QR code.</summary>
    public static async Task<Page> JoinWithLinkAsync(this Visitor phone, string code, string? name = null)
    {
        var page = await phone.GetAsync("/j/" + code);
        return name is null
            ? await phone.SubmitAsync(page, "main form")
            : await phone.SubmitAsync(page, "main form", ("DisplayName", name));
    }

    /// <summary>Fills in and saves the answer form on the phone's current step.</summary>
    public static async Task<Page> AnswerAsync(this Visitor phone, RunningSession session, params (string Name, string Value)[] fields)
    {
        var page = await phone.GetAsync(session.PhoneUrl);
        if (page.Document.QuerySelector("form[data-answer-form]") is null)
        {
            page = await phone.GetAsync(session.PhoneUrl + "?edit=true");
        }

        return await phone.SubmitAsync(page, "form[data-answer-form]", fields);
    }

    /// <summary>
    /// A room on step 1 of <paramref name="activityId"/>, a list step: one phone joins per entry of
    /// <paramref name="answers"/>, the facilitator starts, and each phone saves its items.
    /// </summary>
    public static async Task<(RunningSession Session, Visitor[] Phones)> RoomWithListAnswersAsync(this Visitor facilitator, WorkshopFactory app, string activityId, params string[][] answers)
    {
        var session = await facilitator.OpenSessionAsync(activityId);
        var phones = answers.Select(_ => app.NewVisitor()).ToArray();
        foreach (var phone in phones)
        {
            await phone.JoinWithCodeAsync(session.Code);
        }

        await facilitator.StartAsync(session);
        for (var i = 0; i < phones.Length; i++)
        {
            await phones[i].AnswerAsync(session, answers[i].Select((text, slot) => ($"Input.Items[{slot}]", text)).ToArray());
        }

        return (session, phones);
    }
}
