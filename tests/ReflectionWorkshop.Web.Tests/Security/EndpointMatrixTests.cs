using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Web.Tests.Support;
using Xunit.Abstractions;

namespace ReflectionWorkshop.Web.Tests.Security;

/// <summary>
/// Every Razor Page the app has, opened by everyone who is not a member of space A: nobody outside a
/// space ever gets its data. The pages come from the app's own endpoint list, so a page added later
/// is checked here without anyone remembering to; a page that is neither public nor behind sign-in
/// fails this test until someone decides who may see it.
/// </summary>
public sealed partial class EndpointMatrixTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// Pages anyone may open. Each shows nothing of a space beyond what its address already gives away
    /// (a join code, an invite token). Compared with the route template, lower case, without the leading slash.
    /// </summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "", "index", "error", "notfound",
        "join", "join/code", "j/{code}", "s/{code}",
        "invite/{token}",

        // Choosing the language this device shows the app in.
        "language",

        // The signed-in person's own settings (sign-in required by convention; shows no space).
        "account",

        // A participant's take-away page: the token is their participant id, encrypted and signed.
        "mine/{token}",
    ];

    /// <summary>Sign-in, registration and password pages: public by nature (some need sign-in, none shows a space).</summary>
    private const string AccountPrefix = "account/";

    /// <summary>The facilitator and coach pages: sign-in required, and only the space's own members see its data.</summary>
    private static readonly string[] ProtectedFolders = ["facilitate", "spaces", "admin"];

    private readonly WorkshopFactory _app = TestActivities.FactoryWithEveryKind();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task No_page_shows_space_A_to_anyone_outside_it()
    {
        var world = await World.BuildAsync(_app);
        var rows = new List<string[]>();
        var problems = new List<string>();

        foreach (var route in await PageRoutesAsync("GET"))
        {
            var kind = Classify(route.Template);
            if (kind == RouteKind.Unknown)
            {
                problems.Add($"/{route.Template} is neither in the public allow-list nor under /facilitate, /spaces or /admin: decide who may see it, then add it to the allow-list or put it behind sign-in.");
                continue;
            }

            foreach (var (url, fills) in world.Fill(route))
            {
                var cells = new List<string> { fills.Length == 0 ? url : $"{url} ({fills})" };
                foreach (var visitor in world.Visitors)
                {
                    var response = await visitor.Browser.Client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    var target = response.RedirectTarget();
                    cells.Add(target is null ? status.ToString() : $"{status} → {target.Split('?')[0]}");

                    if (status >= 500)
                    {
                        problems.Add($"{visitor.Name}: GET {url} failed with {status}.");
                    }

                    if (visitor.IsInsider || kind == RouteKind.Public)
                    {
                        continue;
                    }

                    if (!visitor.SignedIn && !(status == 302 && target?.StartsWith("/account/login?ReturnUrl=", StringComparison.Ordinal) == true))
                    {
                        problems.Add($"{visitor.Name}: GET {url} should send them to sign in, got {cells[^1]}.");
                    }

                    if (visitor.SignedIn && route.TargetsOneResource && status != 404)
                    {
                        problems.Add($"{visitor.Name}: GET {url} (space A's {fills}) should be 404, got {cells[^1]}.");
                    }

                    if (status == 200 && world.MarkersIn(body, perResource: route.TargetsOneResource) is { Count: > 0 } leaked)
                    {
                        problems.Add($"{visitor.Name}: GET {url} shows space A's data: {string.Join(", ", leaked)}.");
                    }
                }

                rows.Add([.. cells]);
            }
        }

        PrintTable(["GET", .. world.Visitors.Select(v => v.Name)], rows);

        // The fixture is real: space A's own facilitator sees its session and its space with the markers in them.
        await world.AssertInsiderSeesMarkersAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task No_post_handler_lets_anyone_outside_space_A_change_it()
    {
        var world = await World.BuildAsync(_app);
        var before = await world.SnapshotAsync();
        var rows = new List<string[]>();
        var problems = new List<string>();

        foreach (var route in (await PageRoutesAsync("POST")).Where(r => Classify(r.Template) == RouteKind.Protected))
        {
            foreach (var (url, _) in world.Fill(route))
            {
                foreach (var id in world.IdCandidates)
                {
                    var cells = new List<string> { $"{url} (id={world.Describe(id)})" };
                    foreach (var visitor in world.Visitors.Where(v => !v.IsInsider))
                    {
                        var response = await visitor.Browser.PostWithOwnTokenAsync(
                            url,
                            ("id", id.ToString()),
                            ("step", "0"),
                            ("role", nameof(SpaceRole.Facilitator)),
                            ("inviteId", world.OpenInviteId.ToString()),
                            ("userId", world.InsiderUserId),
                            ("activityId", "every-kind"),
                            ("anonymity", "Anonymous"),
                            ("Name", "Taken over"));
                        var status = (int)response.StatusCode;
                        var target = response.RedirectTarget();
                        cells.Add(target is null ? status.ToString() : $"{status} → {target.Split('?')[0]}");

                        if (status >= 500)
                        {
                            problems.Add($"{visitor.Name}: POST {url} failed with {status}.");
                        }
                        else if (!visitor.SignedIn && !(status == 302 && target?.StartsWith("/account/login?ReturnUrl=", StringComparison.Ordinal) == true))
                        {
                            problems.Add($"{visitor.Name}: POST {url} should send them to sign in, got {cells[^1]}.");
                        }
                        else if (visitor.SignedIn && (route.TargetsOneResource || route.HandlerTakesId) && status != 404)
                        {
                            problems.Add($"{visitor.Name}: POST {url} with id={world.Describe(id)} should be 404, got {cells[^1]}.");
                        }
                    }

                    rows.Add([.. cells]);
                }
            }
        }

        PrintTable(["POST", .. world.Visitors.Where(v => !v.IsInsider).Select(v => v.Name)], rows);

        // Their own session or space in the address, space A's invite and account in the form: acting on
        // something of their own must not reach into space A either.
        var outsider = world.Visitors.Single(v => v.Name == "facilitator of B");
        foreach (var route in (await PageRoutesAsync("POST")).Where(r => Classify(r.Template) == RouteKind.Protected && r.TargetsOneResource))
        {
            foreach (var ownId in world.OutsiderIds)
            {
                var url = ParameterPattern().Replace("/" + route.Template, ownId.ToString()) + $"?handler={route.Handler}";
                var response = await outsider.Browser.PostWithOwnTokenAsync(
                    url,
                    ("id", ownId.ToString()),
                    ("step", "0"),
                    ("role", nameof(SpaceRole.Facilitator)),
                    ("inviteId", world.OpenInviteId.ToString()),
                    ("userId", world.InsiderUserId));
                output.WriteLine($"{outsider.Name}: POST {url} with space A's invite and account → {(int)response.StatusCode}");
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{outsider.Name}: POST {url} failed with {(int)response.StatusCode}.");
                }
            }
        }

        var after = await world.SnapshotAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, after);
    }

    private enum RouteKind
    {
        Public,
        Protected,
        Unknown,
    }

    private static RouteKind Classify(string template)
    {
        var normalized = template.ToLowerInvariant();
        if (PublicRoutes.Contains(normalized) || normalized.StartsWith(AccountPrefix, StringComparison.Ordinal))
        {
            return RouteKind.Public;
        }

        var folder = normalized.Split('/')[0];
        return ProtectedFolders.Contains(folder) ? RouteKind.Protected : RouteKind.Unknown;
    }

    /// <summary>One address to try: a page's route template, with a handler for named handlers.</summary>
    private sealed record PageRoute(string Template, string? Handler, bool HandlerTakesId)
    {
        public IReadOnlyList<string> Parameters { get; } = ParameterPattern().Matches(Template).Select(m => m.Groups["name"].Value).ToList();

        /// <summary>The address names one session or space (an id in the path): outsiders must get 404.</summary>
        public bool TargetsOneResource => Parameters.Contains("id");
    }

    /// <summary>Every page route the app serves, with every handler of the given method.</summary>
    private async Task<IReadOnlyList<PageRoute>> PageRoutesAsync(string method)
    {
        var loader = _app.Services.GetRequiredService<PageLoader>();
        var routes = new List<PageRoute>();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.RoutePattern.RawText!.Trim('/'))
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in endpoints)
        {
            var endpoint = group.First();
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            var compiled = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var handlers = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
            if (method == "GET")
            {
                // A page answers a plain GET whether or not it has an OnGet.
                routes.Add(new PageRoute(group.Key, null, false));
                handlers.RemoveAll(h => h.Name is null);
            }

            routes.AddRange(handlers.Select(h => new PageRoute(group.Key, h.Name, h.Parameters.Any(p => p.Name == "id"))));
        }

        Assert.NotEmpty(routes);
        return routes;
    }

    private void PrintTable(string[] header, List<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendLine(string.Join(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))));
        }

        output.WriteLine(text.ToString());
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)[^}]*\}")]
    private static partial Regex ParameterPattern();

    private sealed record MatrixVisitor(string Name, Visitor Browser, bool SignedIn, bool IsInsider = false);

    /// <summary>
    /// Space A with a running session (one answer in it), a session still in the lobby and a closed
    /// one; space B with its facilitator and a coach; a phone in space A's running session.
    /// </summary>
    private sealed class World
    {
        private const string SpaceAName = "Alder Primary leadership team";
        private const string AnswerText = "Alder answer nobody outside may read";

        private readonly WorkshopFactory _app;
        private readonly List<(string Value, bool PerResourceOnly)> _markers = [];
        private readonly Dictionary<Guid, string> _names = [];

        private World(WorkshopFactory app) => _app = app;

        public List<MatrixVisitor> Visitors { get; } = [];

        public RunningSession Running { get; private set; } = null!;

        public Guid SpaceA { get; private set; }

        public Guid OpenInviteId { get; private set; }

        public string InsiderUserId { get; private set; } = "";

        public IReadOnlyList<Guid> IdCandidates => [.. _names.Keys];

        /// <summary>The facilitator of space B's own space and session.</summary>
        public IReadOnlyList<Guid> OutsiderIds { get; private set; } = [];

        public static async Task<World> BuildAsync(WorkshopFactory app)
        {
            var world = new World(app);
            await world.BuildAsync();
            return world;
        }

        public string Describe(Guid id) => _names[id];

        /// <summary>Every address for a route: each parameter filled with each of space A's values.</summary>
        public IEnumerable<(string Url, string Fills)> Fill(PageRoute route)
        {
            IEnumerable<(string Url, string Fills)> urls = [("/" + route.Template, "")];
            foreach (var name in route.Parameters)
            {
                IReadOnlyList<(string Value, string Label)> values = name switch
                {
                    "id" => _names.Select(n => (n.Key.ToString(), n.Value)).ToList(),
                    "code" => [(Running.Code, "running session's code")],
                    "token" => [(Guid.NewGuid().ToString("N"), "random token")],
                    "number" => [("1", "step 1")],
                    _ => throw new InvalidOperationException($"/{route.Template}: the matrix does not know what to put in {{{name}}}. Teach World.Fill."),
                };
                urls = urls.SelectMany(u => values.Select(v => (
                    ParameterPattern().Replace(u.Url, m => m.Groups["name"].Value == name ? v.Value : m.Value, 1),
                    (u.Fills.Length == 0 ? "" : u.Fills + ", ") + v.Label))).ToList();
            }

            return urls.Select(u => (route.Handler is null ? u.Url : $"{u.Url}?handler={route.Handler}", u.Fills));
        }

        /// <summary>Space A's data found in a page. Activity titles are catalogue data every facilitator sees, so they count only on pages about one session.</summary>
        public List<string> MarkersIn(string body, bool perResource) =>
            _markers.Where(m => (perResource || !m.PerResourceOnly) && body.Contains(WebUtility.HtmlEncode(m.Value), StringComparison.OrdinalIgnoreCase))
                .Select(m => m.Value)
                .ToList();

        public async Task AssertInsiderSeesMarkersAsync()
        {
            var insider = Visitors.Single(v => v.IsInsider).Browser;
            var run = await insider.Client.GetStringAsync(Running.RunUrl);
            var space = await insider.Client.GetStringAsync($"/spaces/{SpaceA}");
            Assert.Contains(Running.Code, run);
            Assert.Contains(WebUtility.HtmlEncode(AnswerText), run);
            Assert.Contains(SpaceAName, space);
        }

        /// <summary>Everything about space A that a post could change.</summary>
        public Task<string> SnapshotAsync() => _app.QueryAsync(async db =>
        {
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.SpaceId == SpaceA).OrderBy(s => s.JoinCode).ToListAsync();
            var ids = sessions.Select(s => s.Id).ToList();
            var participants = await db.Participants.CountAsync(p => ids.Contains(p.SessionId));
            var responses = await db.Responses.CountAsync(r => ids.Contains(r.SessionId));
            var space = await db.Spaces.AsNoTracking().SingleAsync(s => s.Id == SpaceA);
            var members = await db.SpaceMembers.AsNoTracking().Where(m => m.SpaceId == SpaceA).OrderBy(m => m.UserId).ToListAsync();
            var invites = await db.Invites.AsNoTracking().Where(i => i.SpaceId == SpaceA).OrderBy(i => i.Id).ToListAsync();
            var users = await db.Users.CountAsync();
            return string.Join(
                "\n",
                [
                    $"space {space.Name}",
                    .. sessions.Select(s => $"session {s.JoinCode} {s.State} step {s.CurrentStep} by {s.FacilitatorId}"),
                    $"participants {participants}, responses {responses}",
                    .. members.Select(m => $"member {m.UserId} {m.Role}"),
                    .. invites.Select(i => $"invite {i.Id} {i.Role} accepted by {i.AcceptedBy ?? "nobody"}"),
                    $"users {users}",
                ]);
        });

        private async Task BuildAsync()
        {
            // Space A: its facilitator registers first (so is also the administrator), and runs three sessions.
            var insider = _app.NewVisitor();
            await insider.SignUpAsync(name: "Alma Alderwood", spaceName: SpaceAName);
            SpaceA = await insider.CurrentSpaceIdAsync();
            var lobby = await insider.OpenSessionAsync("three-actions");
            var closed = await insider.OpenSessionAsync("two-team-compare");
            await insider.StartAsync(closed);
            await insider.CloseAsync(closed);
            Running = await insider.OpenSessionAsync("every-kind");
            var phone = _app.NewVisitor();
            await phone.JoinWithCodeAsync(Running.Code);
            await insider.StartAsync(Running);
            await phone.AnswerAsync(Running, ("Input.Text", AnswerText));
            await insider.CreateInviteLinkAsync(SpaceA, nameof(SpaceRole.Coach));
            (OpenInviteId, InsiderUserId) = await _app.QueryAsync(async db => (
                await db.Invites.Where(i => i.SpaceId == SpaceA).Select(i => i.Id).SingleAsync(),
                await db.Users.Where(u => u.Email == insider.Email).Select(u => u.Id).SingleAsync()));

            _names[Running.SessionId()] = "running session";
            _names[lobby.SessionId()] = "lobby session";
            _names[closed.SessionId()] = "closed session";
            _names[SpaceA] = "space A";
            _markers.AddRange(
            [
                (SpaceAName, false),
                (Running.Code, false),
                (lobby.Code, false),
                (closed.Code, false),
                (AnswerText, false),
                (insider.Email!, false),
                ("Alma Alderwood", false),
                ("Every kind", true),
                ("Three actions toward partnership", true),
                ("Two-team compare", true),
            ]);

            // Space B: a facilitator with a session of their own, and a coach they invited.
            var outsider = _app.NewVisitor();
            await outsider.SignUpAsync(name: "Bea Birch", spaceName: "Birch Secondary team");
            var outsidersSession = await outsider.OpenSessionAsync("four-characteristics");
            OutsiderIds = [outsidersSession.SessionId(), await outsider.CurrentSpaceIdAsync()];
            var coach = _app.NewVisitor();
            await coach.SignUpAsync(name: "Cole Coach", spaceName: null);
            await outsider.AcceptInviteAsync(coach, nameof(SpaceRole.Coach));

            Visitors.AddRange(
            [
                new("anonymous", _app.NewVisitor(), SignedIn: false),
                new("phone in A", phone, SignedIn: false),
                new("coach of B", coach, SignedIn: true),
                new("facilitator of B", outsider, SignedIn: true),
                new("facilitator of A (control)", insider, SignedIn: true, IsInsider: true),
            ]);
        }
    }
}
