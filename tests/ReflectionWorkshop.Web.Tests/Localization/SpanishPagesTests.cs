using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Localization;

/// <summary>
/// A whole workshop in Spanish — a Spanish activity, a facilitator whose account says Spanish, phones whose
/// browsers ask for Spanish — with every page it passes through read for English left outside the resources:
/// visible text, the page title, and the attributes people hear or see (labels, placeholders, titles, alt text,
/// busy texts, the script's sentences). Content is Spanish here, so English words can only come from the app.
/// </summary>
public sealed partial class SpanishPagesTests : IDisposable
{
    private const string SpanishActivity = """
        ---
        id: prueba-completa
        title: Prueba completa
        purpose: Un paso de cada tipo para las pruebas.
        language: es
        ---

        ## text: ¿Qué has aprendido?

        ## list: Nombra las características
        min: 2
        max: 4
        item-label: Característica

        ## compare: Dos equipos
        left: Salió muy bien
        right: No funcionó

        ## rating: ¿Cuánta confianza hay?
        scale: Poca | Alguna | Mucha
        item: Benevolencia
        item: Fiabilidad
        anonymity-floor: 1

        ## choice: ¿Cada cuánto nos reunimos?
        option: Cada semana
        option: Cada mes

        ## vote: ¿Qué característica trabajamos primero?
        themes-from: 2
        dots: 2

        ## info: Leemos el artículo juntos

        Tomaos cinco minutos para leer.
        """;

    /// <summary>
    /// Words that mark a sentence as English and are not Spanish words. Words both languages use ("a", "no",
    /// "me", "has", "solo", "real", and "coach", the role's name in Spanish too) are left out on purpose.
    /// </summary>
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "your", "you", "you're", "yours", "to", "of", "with", "this", "that", "these", "is", "are", "was",
        "for", "in", "on", "at", "from", "not", "be", "it", "its", "have", "will", "can", "what", "who", "when",
        "how", "all", "each", "here", "there", "their", "them", "they", "we", "our", "or", "by", "an", "if", "yet",
        "step", "steps", "answer", "answers", "session", "sessions", "save", "saved", "join", "joined", "theme", "themes",
        "start", "next", "back", "sign", "out", "name", "password", "vote", "votes", "room", "people", "left", "time",
        "up", "more", "less", "change", "new", "open", "close", "closed", "show", "hide", "add", "remove", "delete",
        "edit", "merge", "split", "rename", "move", "copy", "download", "export", "import", "summary", "notes", "note",
        "waiting", "please", "choose", "type", "activity", "activities", "space", "spaces", "account", "settings",
        "language", "code", "phone", "phones", "screen", "timer", "minute", "minutes", "lock", "unlock", "reveal",
        "skip", "content", "page", "found", "something", "went", "wrong", "welcome", "run", "team",
        "members", "member", "invite", "facilitator", "role", "email", "forgot", "reset", "create", "sent",
        "link", "again", "done", "nothing", "none", "still", "only", "yet", "give", "keep", "cards", "card", "dots",
        "dot", "place", "characters", "over", "limit", "saving", "offline", "busy", "trying", "back", "home",
    };

    private readonly WorkshopFactory _app = new(("prueba-completa.md", SpanishActivity));
    private readonly List<string> _problems = [];
    private int _pagesRead;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_whole_workshop_in_spanish_shows_no_english()
    {
        var anonymous = Spanish(_app.NewVisitor());
        foreach (var url in new[] { "/", "/join", "/language", "/account/login", "/account/register", "/account/forgot", "/account/reset?email=a%40example.org&token=abc", "/account/denied", "/no-hay-nada-aqui", "/mine/not-a-token" })
        {
            Read(await anonymous.GetAsync(url));
        }

        // The facilitator signs up, sets the account to Spanish and runs the session.
        var laptop = Spanish(_app.NewVisitor());
        // A fixed address: a random one shows on pages, and its hex digits can spell an English word ("be").
        Read(await laptop.SignUpAsync("lucia@example.org", name: "Lucía Facilitadora", spaceName: "Equipo de prueba"));
        await laptop.SubmitAsync(await laptop.GetAsync("/account"), "main form", ("Language", "es"));
        foreach (var url in new[] { "/account", "/account/password", "/spaces", "/facilitate", "/facilitate/sessions" })
        {
            Read(await laptop.GetAsync(url));
        }

        var spaces = await laptop.GetAsync("/spaces");
        Read(await laptop.GetAsync(spaces.Document.QuerySelector("td a[href^='/spaces/']")!.GetAttribute("href")!));

        var session = await laptop.OpenSessionAsync("prueba-completa", anonymity: "Named");
        Read(await laptop.GetAsync(session.RunUrl));
        Read(await laptop.GetAsync(session.RunUrl + "/present"));

        var phone = Spanish(_app.NewVisitor());
        Read(await phone.GetAsync("/j/" + session.Code));
        Read(await phone.JoinWithLinkAsync(session.Code, "Marta"));
        var other = Spanish(_app.NewVisitor());
        await other.JoinWithCodeAsync(session.Code, "Jorge");

        Read(await laptop.StartAsync(session));
        Read(await phone.GetAsync(session.PhoneUrl));
        Read(await phone.AnswerAsync(session, ("Input.Text", "Escuchar antes de decidir")));
        Read(await laptop.GetAsync(session.RunUrl));

        await laptop.NextAsync(session);
        Read(await phone.GetAsync(session.PhoneUrl));
        Read(await phone.AnswerAsync(session, ("Input.Items[0]", "Confianza"), ("Input.Items[1]", "Roles claros")));
        await other.AnswerAsync(session, ("Input.Items[0]", "Confianza mutua"), ("Input.Items[1]", "Comunicación"));
        Read(await laptop.GetAsync(session.RunUrl));

        // The theme board for the list step: drafts, then two named themes (each card offering them), feed the vote.
        var board = await laptop.GetAsync(session.RunUrl + "/themes/2");
        Read(board);
        Read(board = await laptop.SubmitAsync(board, "form[action*='handler=Suggest']"));
        foreach (var name in new[] { "Confianza", "Roles" })
        {
            Read(board = await laptop.SubmitAsync(board, "form[action*='handler=Add']", ("name", name)));
        }

        var trust = board.Document.QuerySelectorAll("section.theme").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == "Confianza").GetAttribute("data-drop")!;
        var roles = board.Document.QuerySelectorAll("section.theme").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == "Roles").GetAttribute("data-drop")!;
        foreach (var (text, theme) in new[] { ("Confianza", trust), ("Roles claros", roles) })
        {
            var card = board.Document.QuerySelectorAll(".board-card").First(c => c.QuerySelector(".answer")!.TextContent.Trim() == text);
            Read(board = await laptop.SubmitAsync(board, $"#{card.Id} form.tap-form", ("themeId", theme)));
        }

        for (var step = 3; step <= 7; step++)
        {
            Read(await laptop.NextAsync(session));
            Read(await phone.GetAsync(session.PhoneUrl));
        }

        Read(await laptop.GetAsync(session.RunUrl + "/present"));
        Read(await laptop.CloseAsync(session));
        Read(await laptop.GetAsync(session.SummaryUrl));
        Read(await phone.GetAsync(session.PhoneUrl));

        Assert.True(_pagesRead >= 30, $"Only {_pagesRead} pages were read.");
        Assert.True(_problems.Count == 0, $"English on Spanish pages:\n{string.Join("\n", _problems.Distinct())}");
    }

    private static Visitor Spanish(Visitor visitor)
    {
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-ES,es;q=0.9");
        return visitor;
    }

    private void Read(Page page)
    {
        _pagesRead++;
        Assert.Equal("es", page.Document.DocumentElement.GetAttribute("lang"));
        var texts = new List<string> { page.Document.Title ?? "" };
        foreach (var node in page.Document.Body!.Descendants().OfType<IText>())
        {
            if (node.ParentElement?.LocalName is not ("script" or "style"))
            {
                texts.Add(node.Data);
            }
        }

        foreach (var element in page.Document.All)
        {
            // The sentences handed to the script: their values (the keys are names in code).
            if (element.GetAttribute("data-text") is { Length: > 0 } json)
            {
                texts.AddRange(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.Values);
            }

            foreach (var attribute in new[] { "placeholder", "title", "aria-label", "alt", "data-busy-text" })
            {
                if (element.GetAttribute(attribute) is { Length: > 0 } value)
                {
                    texts.Add(value);
                }
            }

            if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" && element.GetAttribute("value") is { } label)
            {
                texts.Add(label);
            }
        }

        foreach (var text in texts)
        {
            // The product's name is a name, and {placeholders} are filled in by the script.
            var words = Url().Replace(Placeholder().Replace(text.Replace("Reflection Workshop", "", StringComparison.Ordinal), ""), "");
            var english = Word().Matches(words).Select(m => m.Value).Where(EnglishWords.Contains).ToList();
            if (english.Count > 0)
            {
                _problems.Add($"{page.Url}: \"{Squeeze(text)}\" ({string.Join(", ", english)})");
            }
        }
    }

    private static string Squeeze(string text)
    {
        var squeezed = Regex.Replace(text, @"\s+", " ").Trim();
        return squeezed.Length > 120 ? squeezed[..120] + "…" : squeezed;
    }

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    // Whole words, accented letters included: "Anónimas" is one word, not "An" and "nimas".
    [GeneratedRegex(@"\p{L}[\p{L}']*")]
    private static partial Regex Word();
}
