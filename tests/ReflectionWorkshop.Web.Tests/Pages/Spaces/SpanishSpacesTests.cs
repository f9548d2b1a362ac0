using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Tests.Security;
using ReflectionWorkshop.Web.Tests.Support;

namespace ReflectionWorkshop.Web.Tests.Pages.Spaces;

/// <summary>Team spaces, invites and the administrator's overview for people whose browser asks for Spanish.</summary>
public sealed partial class SpanishSpacesTests : IDisposable
{
    private readonly WorkshopFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_spaces_page_is_spanish()
    {
        var facilitator = Spanish();
        await facilitator.SignUpAsync(spaceName: "Equipo Arce");

        var spaces = await facilitator.GetAsync("/spaces");

        Assert.Equal("Espacios de equipo", spaces.H1);
        Assert.Equal("Espacios de equipo · Reflection Workshop", spaces.Document.Title);
        Assert.Equal(["Espacio", "Tu rol", "Miembros", "Acciones"], spaces.Document.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList());
        Assert.Equal(["Equipo Arce", "Facilitador", "1", "Trabajando aquí"], spaces.Document.QuerySelector("tbody tr")!.Children.Select(td => td.TextContent.Trim()).ToList());
        Assert.Equal("Nombre del espacio", spaces.Document.QuerySelector("label[for='name']")!.TextContent.Trim());
        foreach (var english in new[] { "Team spaces", "Your role", "Working here", "Create a space", "Space name", "For example" })
        {
            Assert.DoesNotContain(english, MainText(spaces));
        }
    }

    [Fact]
    public async Task A_space_and_its_invites_are_spanish_with_spanish_dates()
    {
        var facilitator = Spanish();
        await facilitator.SignUpAsync(name: "Lucía", spaceName: "Equipo Arce");
        var details = await facilitator.GetAsync(await SpaceLinkAsync(facilitator));

        var withLink = await facilitator.SubmitAsync(details, "form[action*='handler=Invite']", ("role", "Coach"));

        Assert.Equal("Invita a un colega", withLink.Document.QuerySelector("#invite-heading")!.TextContent.Trim());
        Assert.Equal(["Nombre", "Correo electrónico", "Rol"], withLink.Document.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList());
        Assert.StartsWith("Envía este enlace a tu colega.", withLink.Document.QuerySelector("label[for='invite-link']")!.TextContent.Trim());
        var open = withLink.Document.QuerySelector("main li")!.TextContent;
        Assert.Matches(SpanishDate(), open);
        Assert.Contains("Coach, caduca el", Regex.Replace(open, @"\s+", " "));
        Assert.Equal("Anular", withLink.Document.QuerySelector("main li button")!.TextContent.Trim());
        foreach (var english in new[] { "Members", "Invite a colleague", "They join as", "expires", "Revoke", "All your spaces" })
        {
            Assert.DoesNotContain(english, MainText(withLink));
        }
    }

    [Fact]
    public async Task An_invite_is_offered_and_refused_in_spanish()
    {
        var facilitator = _app.NewVisitor();
        await facilitator.SignUpAsync(spaceName: "Maple team");
        var link = await facilitator.CreateInviteLinkAsync(await facilitator.CurrentSpaceIdAsync(), "Coach");
        var colleague = Spanish();
        await colleague.SignUpAsync(spaceName: null);

        var invite = await colleague.GetAsync(link);
        var unknown = await colleague.GetAsync("/invite/" + InviteTokens.New());

        Assert.Equal("Únete a «Maple team»", invite.H1);
        Assert.Contains("Te han invitado a unirte como coach. Podrás leer las sesiones y los resúmenes del espacio.", Regex.Replace(MainText(invite), @"\s+", " "));
        Assert.Equal("coach", invite.Document.QuerySelector("main form strong")!.TextContent);
        Assert.Equal("Unirme al espacio", invite.Document.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Equal("Esta invitación no se puede usar", unknown.H1);
        Assert.Contains("Este enlace de invitación no es válido.", unknown.Document.QuerySelector(".alert")!.TextContent);
        Assert.DoesNotContain("invited", MainText(invite));
    }

    [Fact]
    public async Task An_expired_invite_gives_its_date_in_spanish()
    {
        var facilitator = _app.NewVisitor();
        await facilitator.SignUpAsync(spaceName: "Maple team");
        var spaceId = await facilitator.CurrentSpaceIdAsync();
        var token = InviteTokens.New();
        var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await _app.QueryAsync(db =>
        {
            var creator = db.Users.Single(u => u.Email == facilitator.Email).Id;
            db.Invites.Add(Invite.Create(spaceId, SpaceRole.Facilitator, creator, InviteTokens.Hash(token), now - TimeSpan.FromDays(8)));
            return db.SaveChangesAsync();
        });
        var colleague = Spanish();
        await colleague.SignUpAsync(spaceName: null);

        var page = await colleague.GetAsync("/invite/" + token);

        var problem = page.Document.QuerySelector(".alert")!.TextContent.Trim();
        Assert.StartsWith("Esta invitación caducó el ", problem);
        Assert.Matches(SpanishDate(), problem);
        Assert.EndsWith("Pide una nueva.", problem);
    }

    [Fact]
    public async Task The_administrators_overview_is_spanish()
    {
        var administrator = Spanish();
        await administrator.SignUpAsync(name: "Ada Admin", spaceName: "Equipo Arce");
        var other = _app.NewVisitor();
        await other.SignUpAsync(name: "Otto Other", spaceName: null);

        var admin = await administrator.GetAsync("/admin");
        var removed = await administrator.SubmitAsync(admin, "form[action*='handler=Remove']");

        Assert.Equal("Administración", admin.H1);
        Assert.Contains("Ada Admin (administrador/a)", admin.Text);
        Assert.Equal(["Nombre", "Correo electrónico", "Creada (UTC)", "Espacios", "Acciones"], admin.Document.QuerySelectorAll("#users-heading + div thead th").Select(th => th.TextContent.Trim()).ToList());
        Assert.Matches(SpanishDate(), admin.Document.QuerySelector("tbody tr td:nth-child(3)")!.TextContent);
        Assert.Equal($"Eliminar {other.Email}", admin.Document.QuerySelector("form[action*='handler=Remove'] button")!.TextContent.Trim());
        Assert.Equal($"Se ha eliminado la cuenta {other.Email}.", removed.Document.QuerySelector("[role=status]")!.TextContent.Trim());
        Assert.DoesNotContain("administrator)", admin.Text);
        Assert.DoesNotContain("Created", admin.Text);
    }

    private Visitor Spanish()
    {
        var visitor = _app.NewVisitor();
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        return visitor;
    }

    private static async Task<string> SpaceLinkAsync(Visitor visitor) =>
        (await visitor.GetAsync("/spaces")).Document.QuerySelector("td a[href^='/spaces/']")!.GetAttribute("href")!;

    private static string MainText(Page page) => page.Document.QuerySelector("main")!.TextContent;

    // "8 de diciembre de 2026": the day, a Spanish month name and the year.
    [GeneratedRegex(@"\b\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}\b")]
    private static partial Regex SpanishDate();
}
