using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Play;

public sealed class AnswerTests : IClassFixture<EveryKindWorkshop>
{
    private readonly WorkshopFactory _app;
    private readonly Visitor _facilitator;
    private readonly Visitor _phone;
    private RunningSession _session = null!;

    public AnswerTests(EveryKindWorkshop app)
    {
        _app = app.NextTest();
        _facilitator = _app.NewVisitor();
        _phone = _app.NewVisitor();
    }

    private async Task OpenAtStepAsync(int step)
    {
        _session = await _facilitator.OpenSessionAsync("every-kind");
        await _phone.JoinWithCodeAsync(_session.Code);
        await _facilitator.StartAsync(_session);
        for (var i = 1; i < step; i++)
        {
            await _facilitator.NextAsync(_session);
        }
    }

    [Fact]
    public async Task A_text_answer_is_saved_and_shown_back_as_saved()
    {
        await OpenAtStepAsync(1);

        var page = await _phone.AnswerAsync(_session, ("Input.Text", "  Listening first  "));

        Assert.Equal(_session.PhoneUrl, page.Url);
        Assert.Equal("Saved", page.Document.QuerySelector(".saved-badge")!.TextContent.Trim());
        Assert.Equal("Listening first", page.Document.QuerySelector(".answer-text")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("a[href$='?edit=true']"));
    }

    [Fact]
    public async Task The_pages_script_gets_the_saved_page_in_the_reply_the_same_page_a_redirect_would_lead_to()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);

        var (response, page) = await _phone.PostAsScriptAsync(form, "form[data-answer-form]", ("Input.Text", "  Listening first  "), ("Input.Key", "k-script"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Saved", page!.Document.QuerySelector(".saved-badge")!.TextContent.Trim());
        Assert.Equal("Listening first", page.Document.QuerySelector(".answer-text")!.TextContent.Trim());
        Assert.NotNull(page.Document.QuerySelector("a[href$='?edit=true']"));
        var reread = await _phone.GetAsync(_session.PhoneUrl);
        Assert.Equal(reread.Document.QuerySelector("[data-live]")!.TextContent, page.Document.QuerySelector("[data-live]")!.TextContent);
        var run = await _facilitator.GetAsync(_session.RunUrl);
        Assert.Contains("Answers: 1 of 1", run.Text);
    }

    [Fact]
    public async Task A_script_resend_of_a_saved_answer_gets_the_saved_page_and_the_answer_is_stored_once()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);

        var first = await _phone.PostAsScriptAsync(form, "form[data-answer-form]", ("Input.Text", "Sent twice"), ("Input.Key", "k-again"));
        var again = await _phone.PostAsScriptAsync(form, "form[data-answer-form]", ("Input.Text", "Sent twice"), ("Input.Key", "k-again"));

        Assert.All([first, again], reply => Assert.Equal("Sent twice", reply.Page!.Document.QuerySelector(".answer-text")!.TextContent.Trim()));
        var run = await _facilitator.GetAsync(_session.RunUrl);
        Assert.Equal(["Sent twice"], run.Document.QuerySelectorAll(".answers .answer-text").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task A_script_post_that_cannot_be_saved_gets_the_page_with_its_reason_and_the_words_in_the_reply()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);
        await _facilitator.NextAsync(_session);

        var (response, page) = await _phone.PostAsScriptAsync(form, "form[data-answer-form]", ("Input.Text", "Typed too slowly"));

        // In the reply, not in TempData: the words typed never travel in a cookie (issue 18).
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("moved on to step 2", page!.Document.QuerySelector(".alert")!.TextContent);
        Assert.Equal("Typed too slowly", page.Document.QuerySelector("textarea#not-saved")!.TextContent);
    }

    [Fact]
    public async Task A_list_answer_keeps_its_filled_items_in_order()
    {
        await OpenAtStepAsync(2);

        var page = await _phone.AnswerAsync(_session, ("Input.Items[0]", "Trust"), ("Input.Items[1]", ""), ("Input.Items[2]", "Shared goal"), ("Input.Items[3]", ""));

        var items = page.Document.QuerySelectorAll(".answer-list li").Select(li => li.TextContent.Trim());
        Assert.Equal(["Trust", "Shared goal"], items);
    }

    [Fact]
    public async Task A_list_shows_one_labelled_field_per_item_and_marks_the_optional_ones()
    {
        await OpenAtStepAsync(2);

        var page = await _phone.GetAsync(_session.PhoneUrl);

        var labels = page.Document.QuerySelectorAll("form[data-answer-form] label").Select(l => l.TextContent.Trim());
        Assert.Equal(["Characteristic 1", "Characteristic 2", "Characteristic 3 (optional)", "Characteristic 4 (optional)"], labels);
    }

    [Fact]
    public async Task A_list_with_fewer_items_than_its_minimum_is_refused_and_keeps_what_was_typed()
    {
        await OpenAtStepAsync(2);

        var page = await _phone.AnswerAsync(_session, ("Input.Items[0]", "Only one"));

        Assert.Contains(page.FieldErrors, e => e.Contains("Write at least 2 items"));
        Assert.Equal("Only one", page.Document.QuerySelector("#item-0")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_compare_answer_stores_both_sides()
    {
        await OpenAtStepAsync(3);

        var page = await _phone.AnswerAsync(_session, ("Input.Left", "We listened"), ("Input.Right", "Nobody decided"));

        var sides = page.Document.QuerySelectorAll(".answer-compare dd").Select(d => d.TextContent.Trim());
        Assert.Equal(["We listened", "Nobody decided"], sides);
    }

    [Fact]
    public async Task A_compare_answer_with_one_side_empty_is_refused_at_that_side()
    {
        await OpenAtStepAsync(3);

        var page = await _phone.AnswerAsync(_session, ("Input.Left", "We listened"), ("Input.Right", ""));

        Assert.Equal("Fill in “Did not work” too: both sides are answered together.", page.Document.QuerySelector("#right-error")!.TextContent.Trim());
        Assert.Equal("We listened", page.Document.QuerySelector("#left")!.TextContent);
    }

    [Fact]
    public async Task A_rating_answer_shows_a_labelled_scale_per_item_and_stores_each_rating()
    {
        await OpenAtStepAsync(4);
        var form = await _phone.GetAsync(_session.PhoneUrl);
        Assert.Equal(["Benevolence", "Reliability"], form.Document.QuerySelectorAll("fieldset.scale legend").Select(l => l.TextContent.Trim()));
        Assert.Equal(3, form.Document.QuerySelectorAll("input[type=radio][name='Input.Ratings[0]']").Length);

        var page = await _phone.AnswerAsync(_session, ("Input.Ratings[0]", "3"), ("Input.Ratings[1]", "1"));

        var ratings = page.Document.QuerySelectorAll(".answer-rating dd").Select(d => d.TextContent.Trim());
        Assert.Equal(["High", "Low"], ratings);
    }

    [Fact]
    public async Task A_rating_with_an_item_left_unrated_is_refused_naming_the_item()
    {
        await OpenAtStepAsync(4);

        var page = await _phone.AnswerAsync(_session, ("Input.Ratings[0]", "2"));

        Assert.Contains(page.FieldErrors, e => e == "Choose a rating for “Reliability”.");
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Ratings[0]'][value='2'][checked]"));
    }

    [Fact]
    public async Task A_choice_answer_stores_the_option_picked()
    {
        await OpenAtStepAsync(5);

        var page = await _phone.AnswerAsync(_session, ("Input.Choices", "1"));

        Assert.Equal("Monthly", page.Document.QuerySelector(".answer-list li")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_info_step_shows_its_text_and_asks_for_nothing()
    {
        await OpenAtStepAsync(6);

        var page = await _phone.GetAsync(_session.PhoneUrl);

        Assert.Equal("Read the article together", page.H1);
        Assert.Contains("Take five minutes to read.", page.Text);
        Assert.Null(page.Document.QuerySelector("form[data-answer-form]"));
    }

    [Fact]
    public async Task An_empty_answer_is_refused_with_a_message_at_the_field()
    {
        await OpenAtStepAsync(1);

        var page = await _phone.AnswerAsync(_session, ("Input.Text", "   "));

        Assert.Equal("Write your answer before saving.", page.Document.QuerySelector("#answer-text-error")!.TextContent.Trim());
        Assert.Equal("true", page.Document.QuerySelector("#answer-text")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_answer_over_the_length_limit_is_refused_and_the_text_stays_in_the_box()
    {
        await OpenAtStepAsync(1);
        var tooLong = new string('x', 51);

        var page = await _phone.AnswerAsync(_session, ("Input.Text", tooLong));

        Assert.Contains("This is 51 characters; the limit is 50.", page.Document.QuerySelector("#answer-text-error")!.TextContent);
        Assert.Equal(tooLong, page.Document.QuerySelector("#answer-text")!.TextContent);
    }

    [Fact]
    public async Task Line_breaks_count_once_toward_the_length_limit()
    {
        await OpenAtStepAsync(1);
        var fifty = string.Join("\r\n", Enumerable.Repeat("abcd", 10)) + "x"; // 50 characters with LF breaks, 59 with CRLF

        var page = await _phone.AnswerAsync(_session, ("Input.Text", fifty));

        Assert.NotNull(page.Document.QuerySelector(".saved-badge"));
    }

    [Fact]
    public async Task A_refused_answer_lists_what_to_fix_at_the_top_of_the_form()
    {
        await OpenAtStepAsync(4);

        var page = await _phone.AnswerAsync(_session);

        var summary = page.Document.QuerySelector(".error-summary[role=alert]")!;
        Assert.Equal(["Choose a rating for “Benevolence”.", "Choose a rating for “Reliability”."], summary.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal(2, page.Document.QuerySelectorAll("fieldset.scale[aria-invalid=true]").Length);
    }

    [Fact]
    public async Task Changing_an_answer_replaces_it_and_the_facilitator_sees_only_the_new_one()
    {
        await OpenAtStepAsync(1);
        await _phone.AnswerAsync(_session, ("Input.Text", "First thought"));

        var edit = await _phone.GetAsync(_session.PhoneUrl + "?edit=true");
        Assert.Equal("First thought", edit.Document.QuerySelector("#answer-text")!.TextContent);
        var page = await _phone.SubmitAsync(edit, "form[data-answer-form]", ("Input.Text", "Better thought"));

        Assert.Equal("Better thought", page.Document.QuerySelector(".answer-text")!.TextContent.Trim());
        var run = await _facilitator.GetAsync(_session.RunUrl);
        Assert.Equal(["Better thought"], run.Document.QuerySelectorAll(".answers .answer-text").Select(a => a.TextContent.Trim()));
        Assert.Contains("Answers: 1 of 1", run.Text);
    }

    [Fact]
    public async Task A_double_tap_on_save_stores_one_response_not_two()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);

        // Both posts leave before either is answered, as a double tap on a slow connection does.
        var first = _phone.PostAsync(form, "form[data-answer-form]", ("Input.Text", "Tapped twice"));
        var second = _phone.PostAsync(form, "form[data-answer-form]", ("Input.Text", "Tapped twice"));
        var responses = await Task.WhenAll(first, second);

        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.Redirect, r.StatusCode));
        var run = await _facilitator.GetAsync(_session.RunUrl);
        Assert.Single(run.Document.QuerySelectorAll(".answers .answer"));
        Assert.Contains("Answers: 1 of 1", run.Text);
    }

    [Fact]
    public async Task An_answer_posted_after_the_room_moved_on_is_not_saved_and_the_text_is_given_back()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);
        await _facilitator.NextAsync(_session);

        var page = await _phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", "Typed too slowly"));

        Assert.Equal(_session.PhoneUrl, page.Url);
        Assert.Contains("moved on to step 2", page.Document.QuerySelector(".alert")!.TextContent);
        Assert.Equal("Typed too slowly", page.Document.QuerySelector("textarea#not-saved")!.TextContent);
        Assert.Equal("Name the characteristics", page.H1);
        await _facilitator.BackAsync(_session);
        var run = await _facilitator.GetAsync(_session.RunUrl);
        Assert.Contains("Answers: 0 of 1", run.Text);
    }

    [Fact]
    public async Task A_retry_of_a_saved_answer_is_recognised_by_its_key_even_after_the_room_moved_on()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);
        await _phone.PostAsync(form, "form[data-answer-form]", ("Input.Text", "Sent once"), ("Input.Key", "k-123"));
        await _facilitator.NextAsync(_session);

        // The phone never got the reply, so it sends the same submission again.
        var retry = await _phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", "Sent once"), ("Input.Key", "k-123"));

        Assert.Null(retry.Document.QuerySelector(".alert"));
        Assert.Equal("Name the characteristics", retry.H1);
        await _facilitator.BackAsync(_session);
        var run = await _facilitator.GetAsync(_session.RunUrl);
        Assert.Equal(["Sent once"], run.Document.QuerySelectorAll(".answers .answer-text").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task An_answer_posted_after_the_session_closed_is_not_saved_and_is_given_back()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);
        await _facilitator.CloseAsync(_session);

        var page = await _phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", "Too late"));

        Assert.Contains("closed before your answer arrived", page.Text);
        Assert.Equal("Too late", page.Document.QuerySelector("textarea#not-saved")!.TextContent);
        Assert.Equal("Thank you", page.H1);
    }

    [Fact]
    public async Task A_long_text_posted_after_the_session_closed_is_given_back_in_the_reply_and_never_in_a_cookie()
    {
        await OpenAtStepAsync(1);
        var form = await _phone.GetAsync(_session.PhoneUrl);
        await _facilitator.CloseAsync(_session);
        var typed = string.Concat(Enumerable.Repeat("ñandú y más texto ", 6000));

        var page = await _phone.SubmitAsync(form, "form[data-answer-form]", ("Input.Text", typed));

        Assert.Contains("closed before your answer arrived", page.Text);
        Assert.Equal(typed.Trim(), page.Document.QuerySelector("textarea#not-saved")!.TextContent);

        // Issue 18: the text once went into the TempData cookie, and every later request got HTTP 431.
        Assert.True(_phone.Cookies.GetCookieHeader(new Uri("http://localhost")).Length < 2000);
        var again = await _phone.GetAsync(_session.PhoneUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, again.Status);
        Assert.Null(again.Document.QuerySelector("textarea#not-saved"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _phone.GetAsync("/join")).Status);
    }

    [Fact]
    public async Task Going_back_reopens_a_step_and_the_phone_can_change_its_answer_there()
    {
        await OpenAtStepAsync(1);
        await _phone.AnswerAsync(_session, ("Input.Text", "Before"));
        await _facilitator.NextAsync(_session);
        await _facilitator.BackAsync(_session);

        var page = await _phone.AnswerAsync(_session, ("Input.Text", "After"));

        Assert.Equal("After", page.Document.QuerySelector(".answer-text")!.TextContent.Trim());
    }
}
