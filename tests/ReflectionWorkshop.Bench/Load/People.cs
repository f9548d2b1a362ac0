using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ReflectionWorkshop.TestSupport;

namespace ReflectionWorkshop.Bench.Load;

/// <summary>Where the room is, as the hub tells phones (the shape of the app's LiveState).</summary>
public sealed record RoomState(string State, int Step, string? TimerEndsAt = null, bool Locked = false, int Ballots = 0)
{
    /// <summary>The room's view of the step, carried by a step change (the app's ADR-016); null: read the page.</summary>
    public string? View { get; init; }
}

/// <summary>What happened to one submission of an answer.</summary>
public enum SubmitOutcome
{
    /// <summary>The redirect a saved answer gives: the phone is told it is saved.</summary>
    Saved,

    /// <summary>The server answered but did not save it (room moved on, validation, removed).</summary>
    Refused,

    /// <summary>No answer from the server before giving up (connection refused, reset, time-out, 5xx, 429 to the end).</summary>
    Failed,
}

/// <summary>One submission: its idempotency key, the marker text that finds it in the database, and its timing.</summary>
public sealed record Submission(int Phone, int Step, string Key, string Marker)
{
    public long SentAt { get; set; }

    public long AckAt { get; set; }

    /// <summary>When the server's reply to the post began to arrive: the answer was committed by then.</summary>
    public long SavedAt { get; set; }

    public int Attempts { get; set; }

    public SubmitOutcome Outcome { get; set; } = SubmitOutcome.Failed;

    public string? Problem { get; set; }

    public double LatencyMs => Stopwatch.GetElapsedTime(SentAt, AckAt).TotalMilliseconds;
}

/// <summary>A simulated phone: joins through the real forms, follows the session over SignalR, answers with idempotency keys.</summary>
public sealed class Phone(int index, Uri server, string code) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _steps = new();
    private HubConnection? _hub;
    private readonly ConcurrentDictionary<int, long> _shownFromSignal = new();
    private readonly ConcurrentDictionary<int, bool> _answered = new();
    private FormPost? _answerForm;
    private int _answerStep = -1;
    private string? _token;

    public int Index { get; } = index;

    public Browser Browser { get; } = new(server);

    public bool Joined { get; private set; }

    public bool Connected => _hub?.State == HubConnectionState.Connected;

    public int StateSignals;

    /// <summary>
    /// GET /j/{code}, post its form, and read /s/{code} where it is sent ("You're in"), keeping the page's antiforgery
    /// token as the page's script does. Returns the time taken.
    /// </summary>
    public async Task<double> JoinAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var page = await Browser.GetAsync($"/j/{code}", cancellationToken);
        using var response = await Browser.SendAsync(FormBrowser.ReadForm(page, "main form"), cancellationToken);
        if (!FormBrowser.IsRedirect(response.StatusCode) || response.Headers.Location?.OriginalString != $"/s/{code}")
        {
            throw new InvalidOperationException($"join: {(int)response.StatusCode} {response.Headers.Location}");
        }

        Joined = true;
        var inside = await Browser.GetAsync($"/s/{code}", cancellationToken);
        _token = inside.Document.QuerySelector("[data-live]")?.GetAttribute("data-token");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>Connects to the hub with the phone's cookie and follows the session, as the page script does.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/session"), options =>
            {
                options.Cookies = Browser.Cookies;
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => Browser.SharedConnections();
            })
            .Build();
        _hub.On<RoomState>("state", state =>
        {
            Interlocked.Increment(ref StateSignals);
            TakeView(state);
            if (state.State == "Running")
            {
                for (var step = 0; step <= state.Step; step++)
                {
                    _steps.GetOrAdd(step, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
        });
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync<RoomState>("Follow", code, cancellationToken);
    }

    /// <summary>
    /// As live.js does: a phone that has not answered the step shows the room's view the signal carries, with its own
    /// token in the form, and reads no page. Every phone of a room in one language receives the same view, so the
    /// simulated phones read it once (<see cref="FormInView"/>) where each real phone builds its own DOM on its own
    /// processor: building 1,100 documents at the moment of the step put that work on the two cores the server shares
    /// with the phones, and was most of the step's time (the server spends ~0.1 ms a phone on it).
    /// </summary>
    private void TakeView(RoomState state)
    {
        if (state is not { State: "Running", View: { } view } || _token is not { } token || _answered.ContainsKey(state.Step)
            || FormInView(view) is not { } form
            || form.Value("Input.Step") != state.Step.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return;
        }

        lock (_shownFromSignal)
        {
            _answerForm = form.With(("__RequestVerificationToken", token));
            _answerStep = state.Step;
        }

        _shownFromSignal.TryAdd(state.Step, Stopwatch.GetTimestamp());
    }

    private static readonly ConcurrentDictionary<string, Lazy<FormPost?>> ViewForms = new(StringComparer.Ordinal);

    /// <summary>The answer form in a signal's view (null: the view holds none), read once for all the phones that receive that view.</summary>
    private static FormPost? FormInView(string view)
    {
        if (ViewForms.Count > 1_000)
        {
            ViewForms.Clear();
        }

        return ViewForms.GetOrAdd(view, v => new(() =>
        {
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(v);
            return document.QuerySelector("form[data-answer-form]") is null ? null : FormBrowser.ReadForm(new Page("/", HttpStatusCode.OK, document), "form[data-answer-form]");
        })).Value;
    }

    /// <summary>
    /// The phone shows <paramref name="step"/>: from the signal's view when it carried one, else by reading its page.
    /// Returns the moment (a <see cref="Stopwatch"/> timestamp) the step was on the screen.
    /// </summary>
    public async Task<long> ShowStepAsync(int step, CancellationToken cancellationToken)
    {
        if (_shownFromSignal.TryGetValue(step, out var shownAt))
        {
            return shownAt;
        }

        await LoadAnswerFormAsync(step, cancellationToken);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Whether the phone showed <paramref name="step"/> from the signal, without reading its page.</summary>
    public bool ShownFromSignal(int step) => _shownFromSignal.ContainsKey(step);

    /// <summary>Completes when the hub says the room reached <paramref name="step"/>, or false after the wait.</summary>
    public async Task<bool> WaitForStepAsync(int step, TimeSpan wait, CancellationToken cancellationToken)
    {
        var signal = _steps.GetOrAdd(step, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        try
        {
            await signal.WaitAsync(wait, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Reads the answer page (what the phone shows when the step changes). Returns the time taken.</summary>
    public async Task<double> LoadAnswerFormAsync(int step, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var page = await Browser.GetAsync($"/s/{code}", cancellationToken);
        var shown = page.Document.QuerySelector("form[data-answer-form] input[name='Input.Step']")?.GetAttribute("value");
        if (shown != step.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"answer page shows step {shown ?? "none"}, expected {step}");
        }

        var form = FormBrowser.ReadForm(page, "form[data-answer-form]");
        lock (_shownFromSignal)
        {
            _answerForm = form;
            _answerStep = step;
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>A new submission of this phone's answer to <paramref name="step"/>, with a fresh idempotency key.</summary>
    public Submission NewSubmission(int step, string runTag) =>
        new(Index, step, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), $"[{runTag} p{Index:D5} s{step}]");

    /// <summary>
    /// Posts the answer form once. The fields a person types depend on the prompt kind shown (compare or text);
    /// the marker goes first so the answer can be found in the database.
    /// </summary>
    public async Task<SubmitOutcome> PostAnswerAsync(Submission submission, CancellationToken cancellationToken)
    {
        int shownStep;
        lock (_shownFromSignal)
        {
            shownStep = _answerStep;
        }

        if (shownStep != submission.Step)
        {
            // The page did not load when the step changed (an overloaded server): the person reloads it first.
            submission.Attempts++;
            try
            {
                await LoadAnswerFormAsync(submission.Step, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                submission.Problem = $"answer page did not load: {Room.Describe(ex)}";
                return SubmitOutcome.Failed;
            }
        }

        FormPost form;
        lock (_shownFromSignal)
        {
            form = _answerForm!;
        }

        var fields = new List<(string, string)> { ("Input.Key", submission.Key) };
        if (form.Value("Input.Left") is not null)
        {
            fields.Add(("Input.Left", $"{submission.Marker} A team that shipped on time and laughed a lot."));
            fields.Add(("Input.Right", "A team where nobody said what they thought."));
        }
        else
        {
            fields.Add(("Input.Text", $"{submission.Marker} Trust, and saying things out loud early."));
        }

        submission.Attempts++;
        try
        {
            // As site.js posts: with fetch, asking for the answer page itself (X-Requested-With: fetch); a refusal
            // still redirects (its reason travels in TempData) and fetch follows that redirect.
            using var request = form.With([.. fields]).ToRequest();
            request.Headers.Add("X-Requested-With", "fetch");
            using var response = await Browser.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var repliedAt = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var html = await response.Content.ReadAsStringAsync(cancellationToken);
                if (html.Contains("id=\"saved-heading\"", StringComparison.Ordinal))
                {
                    submission.SavedAt = repliedAt;
                    submission.Problem = null;
                    return SubmitOutcome.Saved;
                }

                submission.Problem = "the form came back (not saved)";
                return SubmitOutcome.Refused;
            }

            if (FormBrowser.IsRedirect(response.StatusCode) && response.Headers.Location?.OriginalString == $"/s/{code}")
            {
                // A refusal carries its reason in TempData: a cookie with a value.
                var refused = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                    && cookies.Any(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal)
                        && !c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=;", StringComparison.Ordinal));
                using var shown = await Browser.Client.GetAsync(response.Headers.Location.OriginalString, cancellationToken);
                await shown.Content.ReadAsByteArrayAsync(cancellationToken);
                if (!shown.IsSuccessStatusCode)
                {
                    submission.Problem = $"the page after the post: HTTP {(int)shown.StatusCode}";
                    return SubmitOutcome.Failed;
                }

                submission.SavedAt = repliedAt;
                submission.Problem = refused ? "refused (room moved on, locked or closed)" : null;
                return refused ? SubmitOutcome.Refused : SubmitOutcome.Saved;
            }

            submission.Problem = $"HTTP {(int)response.StatusCode}";
            return (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                ? SubmitOutcome.Failed
                : SubmitOutcome.Refused;
        }
        catch (HttpRequestException ex)
        {
            submission.Problem = ex.HttpRequestError.ToString();
            return SubmitOutcome.Failed;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            submission.Problem = "time-out";
            return SubmitOutcome.Failed;
        }
    }

    /// <summary>
    /// Submits as the phone script does: keeps the submission pending and sends it again with the same key
    /// after a failure (the script waits 5 s; here <paramref name="retryDelay"/>), until saved, refused or
    /// <paramref name="giveUpAfter"/>. Sets the submission's timing.
    /// </summary>
    public async Task SubmitAsync(Submission submission, TimeSpan retryDelay, TimeSpan giveUpAfter, Action<Submission>? onSaved, CancellationToken cancellationToken)
    {
        submission.SentAt = Stopwatch.GetTimestamp();
        while (true)
        {
            var outcome = await PostAnswerAsync(submission, cancellationToken);
            if (outcome != SubmitOutcome.Failed || Stopwatch.GetElapsedTime(submission.SentAt) > giveUpAfter || cancellationToken.IsCancellationRequested)
            {
                submission.AckAt = Stopwatch.GetTimestamp();
                submission.Outcome = outcome;
                if (outcome == SubmitOutcome.Saved)
                {
                    _answered[submission.Step] = true;
                    onSaved?.Invoke(submission);
                }

                return;
            }

            await Task.Delay(retryDelay, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Browser.Dispose();
    }
}

/// <summary>The facilitator's laptop: signs up, opens a session, steers it over HTTP and watches it over SignalR.</summary>
public sealed class FacilitatorClient(Uri server) : IAsyncDisposable
{
    private readonly List<long> _answerSignals = [];
    private readonly List<WatchedPage> _pages = [];
    private HubConnection? _hub;

    /// <summary>The pages open on the laptop and the projector, each re-read when the hub says something changed.</summary>
    public IReadOnlyList<WatchedPage> Pages => _pages;

    public Browser Browser { get; } = new(server);

    public string RunUrl { get; private set; } = "";

    public string Code { get; private set; } = "";

    public Guid SessionId => Guid.Parse(RunUrl.Split('/').Last());

    public async Task SignUpAsync(CancellationToken cancellationToken)
    {
        var register = await Browser.GetAsync("/account/register", cancellationToken);
        await Browser.SubmitAsync(register, "main form", cancellationToken,
            ("Input.DisplayName", "Load Facilitator"),
            ("Input.Email", $"load-{Guid.NewGuid():N}@example.org"),
            ("Input.Password", "correct horse battery staple"),
            ("Input.ConfirmPassword", "correct horse battery staple"));
        var spaces = await Browser.GetAsync("/spaces", cancellationToken);
        await Browser.SubmitAsync(spaces, "form[action*='handler=Create']", cancellationToken, ("Name", "Load test team"));
    }

    public async Task OpenSessionAsync(string activityId, CancellationToken cancellationToken)
    {
        var start = await Browser.GetAsync($"/facilitate/start?activityId={activityId}", cancellationToken);
        var run = await Browser.SubmitAsync(start, "form.start", cancellationToken, ("anonymity", "Anonymous"), ("pacing", "Facilitated"));
        if (!run.Url.StartsWith("/facilitate/sessions/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"opening a session landed on {run.Url} ({(int)run.Status}); did signing up work?");
        }

        RunUrl = run.Url;
        Code = run.Document.QuerySelector(".join-code")!.TextContent.Trim();
    }

    /// <summary>Watches the session with the account cookie, as the control page does; records every "answers" signal's arrival.</summary>
    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/session"), options =>
            {
                options.Cookies = Browser.Cookies;
                options.Transports = HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => Browser.SharedConnections();
            })
            .Build();
        _hub.On<string>("changed", what =>
        {
            if (what == "answers")
            {
                var now = Stopwatch.GetTimestamp();
                lock (_answerSignals)
                {
                    _answerSignals.Add(now);
                }
            }

            foreach (var page in _pages)
            {
                page.Changed();
            }
        });
        _pages.Add(new WatchedPage("control page", Browser, RunUrl, cancellationToken));
        _pages.Add(new WatchedPage("projector", Browser, $"{RunUrl}/present", cancellationToken));
        await _hub.StartAsync(cancellationToken);
        await _hub.InvokeAsync<RoomState>("Watch", SessionId, cancellationToken);
    }

    public IReadOnlyList<long> AnswerSignals
    {
        get
        {
            lock (_answerSignals)
            {
                return [.. _answerSignals];
            }
        }
    }

    /// <summary>Presses Start on the control page; returns the moment of the press (a <see cref="Stopwatch"/> timestamp).</summary>
    public Task<long> StartAsync(CancellationToken cancellationToken) => SteerAsync("Start", cancellationToken);

    /// <summary>Presses Next on the control page; returns the moment of the press (a <see cref="Stopwatch"/> timestamp).</summary>
    public Task<long> NextAsync(CancellationToken cancellationToken) => SteerAsync("Next", cancellationToken);

    public Task<long> CloseAsync(CancellationToken cancellationToken) => SteerAsync("Close", cancellationToken);

    /// <summary>The session's response rows as the facilitator's CSV export shows them (used with --url, where there is no database file).</summary>
    public async Task<string> CsvAsync(CancellationToken cancellationToken)
    {
        using var response = await Browser.Client.GetAsync($"{RunUrl}/summary?handler=Csv", cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the control page for its form (the facilitator's laptop already shows it), then presses the button: the
    /// returned moment is the press, the post, not the read before it.
    /// </summary>
    private async Task<long> SteerAsync(string handler, CancellationToken cancellationToken)
    {
        var run = await Browser.GetAsync(RunUrl, cancellationToken);
        var pressed = Stopwatch.GetTimestamp();
        var after = await Browser.SubmitAsync(run, $"form[action*='handler={handler}']", cancellationToken);
        if (after.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{handler}: {(int)after.Status} at {after.Url}");
        }

        return pressed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        Browser.Dispose();
    }
}

/// <summary>
/// A facilitator's page that follows the room as site.js makes it: on a "changed" signal it re-reads itself, one
/// read at a time, starting one at most every <see cref="ReadGap"/> and, after a read, no sooner than that read
/// took; signals that arrive meanwhile become one more read.
/// Each read is recorded (start and end) so the run can say when an answer became visible on the page.
/// </summary>
public sealed partial class WatchedPage(string name, Browser browser, string url, CancellationToken cancellationToken)
{
    /// <summary>site.js's readGap.</summary>
    public static readonly TimeSpan ReadGap = TimeSpan.FromMilliseconds(250);

    private readonly List<(long Start, long End, IReadOnlySet<string> Markers)> _reads = [];
    private readonly Lock _gate = new();
    private bool _reading;
    private bool _changedAgain;
    private long? _lastStart;
    private long _lastEnd;
    private int _failures;
    private int _inFlight;

    public string Name { get; } = name;

    public int Failures => _failures;

    public int InFlight => Volatile.Read(ref _inFlight);

    public IReadOnlyList<(long Start, long End)> Reads
    {
        get
        {
            lock (_reads)
            {
                return [.. _reads.Select(r => (r.Start, r.End))];
            }
        }
    }

    /// <summary>Each read with the answer markers (<see cref="Submission.Marker"/>) its page held.</summary>
    public IReadOnlyList<(long Start, long End, IReadOnlySet<string> Markers)> ReadsWithMarkers
    {
        get
        {
            lock (_reads)
            {
                return [.. _reads];
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[rw-[a-z]+-[0-9a-f]+ p\d{5} s\d+\]")]
    private static partial System.Text.RegularExpressions.Regex MarkerPattern();

    public void Changed()
    {
        lock (_gate)
        {
            if (_reading)
            {
                _changedAgain = true;
                return;
            }

            _reading = true;
        }

        _ = ReadWhileChangedAsync();
    }

    private async Task ReadWhileChangedAsync()
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            while (true)
            {
                var wait = _lastStart is { } last
                    ? Max(ReadGap - Stopwatch.GetElapsedTime(last), Stopwatch.GetElapsedTime(last, _lastEnd) - Stopwatch.GetElapsedTime(_lastEnd))
                    : TimeSpan.Zero;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                lock (_gate)
                {
                    _changedAgain = false;
                }

                _lastStart = Stopwatch.GetTimestamp();
                await ReadOnceAsync();
                _lastEnd = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    if (!_changedAgain)
                    {
                        _reading = false;
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _reading = false;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task ReadOnceAsync()
    {
        var start = Stopwatch.GetTimestamp();
        string body;
        try
        {
            using var response = await browser.Client.GetAsync(url, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _failures);
                return;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failures);
            return;
        }

        var end = Stopwatch.GetTimestamp();
        var markers = MarkerPattern().Matches(body).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        lock (_reads)
        {
            _reads.Add((start, end, markers));
        }
    }
}
