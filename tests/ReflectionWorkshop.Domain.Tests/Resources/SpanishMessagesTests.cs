using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Spaces;
using ReflectionWorkshop.Domain.Tests.Activities;
using ReflectionWorkshop.Domain.Tests.Sessions;
using ReflectionWorkshop.Domain.Themes;

namespace ReflectionWorkshop.Domain.Tests.Resources;

/// <summary>
/// A refusal is written in the language of the moment (the web app sets it per request), numbers and
/// dates in that culture's formats; the rest of the test suite reads the same refusals in English.
/// </summary>
public sealed class SpanishMessagesTests
{
    private readonly SessionBuilder _sessions = new();

    [Fact]
    public void Joining_a_closed_session_is_refused_in_spanish()
    {
        var session = _sessions.Closed();
        using var spanish = TestCulture.Use("es-ES");

        var refused = Assert.Throws<DomainException>(() => session.Join(null, TestClock.Now));

        Assert.Equal("Esta sesión ya terminó y no admite más participantes.", refused.Message);
    }

    [Fact]
    public void A_name_too_long_is_refused_in_spanish_with_the_limit()
    {
        var session = _sessions.Named().InLobby();
        using var spanish = TestCulture.Use("es");

        var refused = Assert.Throws<DomainException>(() => session.Join(new string('a', 41), TestClock.Now));

        Assert.Equal("Tu nombre puede tener como máximo 40 caracteres.", refused.Message);
    }

    [Fact]
    public void A_regional_spanish_falls_back_to_spanish()
    {
        var session = _sessions.OnStep(1);
        var participant = session.Join(null, TestClock.Now);
        using var spanish = TestCulture.Use("es-MX");

        var refused = Assert.ThrowsAny<DomainException>(() => session.Answer(participant, 0, Answer.FromText("Hola"), null, TestClock.Now));

        Assert.Equal("El grupo ya pasó al paso 2, así que el paso 1 ya no acepta respuestas.", refused.Message);
    }

    [Fact]
    public void A_step_refused_before_the_session_starts_names_the_action_in_spanish()
    {
        var session = _sessions.InLobby();
        using var spanish = TestCulture.Use("es-ES");

        var refused = Assert.Throws<DomainException>(() => session.StartTimer(TimeSpan.FromMinutes(5), TestClock.Now));

        Assert.Equal("Inicia la sesión antes de poner un temporizador.", refused.Message);
    }

    [Fact]
    public void A_note_too_long_is_refused_with_spanish_number_formats()
    {
        var session = _sessions.Closed();
        using var spanish = TestCulture.Use("es-ES");

        var refused = Assert.Throws<DomainException>(() => session.SetNote(0, new string('x', 4001)));

        Assert.StartsWith("Una nota puede tener hasta 4.000 caracteres y esta tiene 4.001.", refused.Message);
    }

    [Fact]
    public void Too_many_list_items_are_refused_in_spanish_with_the_number()
    {
        using var spanish = TestCulture.Use("es-ES");

        var problems = AnswerRules.Check(TestActivities.List(minItems: 1, maxItems: 3), new Answer([.. "Uno Dos Tres Cuatro".Split(' ').Select((t, i) => new AnswerPart(i, t))]));

        Assert.Equal("Esta lista admite como máximo 3 elementos.", Assert.Single(problems).Message);
    }

    [Fact]
    public void A_list_of_one_item_says_so_in_the_singular()
    {
        using var spanish = TestCulture.Use("es");

        var problems = AnswerRules.Check(TestActivities.List(minItems: 1, maxItems: 1), new Answer([new AnswerPart(0, "Uno"), new AnswerPart(1, "Dos")]));

        Assert.Equal("Esta lista admite como máximo 1 elemento.", Assert.Single(problems).Message);
    }

    [Fact]
    public void An_answer_too_long_gives_both_numbers_in_spanish_formats()
    {
        using var spanish = TestCulture.Use("es-ES");

        var problem = Assert.Single(AnswerRules.Check(TestActivities.Text(maxLength: AnswerLimits.TextMaxLength), Answer.FromText(new string('x', 2001))));

        Assert.Equal("Tiene 2.001 caracteres y el límite es 2.000. Acórtalo y vuelve a guardar.", problem.Message);
    }

    [Fact]
    public void Too_many_dots_are_refused_in_spanish()
    {
        var vote = new Prompt { Kind = PromptKind.Vote, Title = "¿Qué importa más?", Options = ["Confianza", "Roles"], Dots = 3 };
        using var spanish = TestCulture.Use("es");

        var problem = Assert.Single(AnswerRules.Check(vote, new Answer([new AnswerPart(0, "", 3), new AnswerPart(1, "", 2)])));

        Assert.Equal("Tienes 3 puntos y pusiste 5. Quita 2 y vuelve a guardar.", problem.Message);
    }

    [Fact]
    public void A_missing_rating_names_the_item_in_spanish()
    {
        using var spanish = TestCulture.Use("es");

        var problems = AnswerRules.Check(TestActivities.Rating(), new Answer([new AnswerPart(0, "", 2)]));

        Assert.Equal("Elige una puntuación para “Follow-through”.", Assert.Single(problems).Message);
    }

    [Fact]
    public void A_theme_conflict_is_explained_in_spanish_with_the_theme_name()
    {
        var board = ThemeBoard.Create(Guid.NewGuid(), 0, TestClock.Now);
        var card = new CardKey(Guid.NewGuid(), 0);
        var trust = board.AddTheme("Confianza", TestClock.Now);
        var roles = board.AddTheme("Roles", TestClock.Now);
        board.Move(card, null, trust.Id, TestClock.Now);
        using var spanish = TestCulture.Use("es-ES");

        var conflict = Assert.Throws<ThemeConflictException>(() => board.Move(card, null, roles.Id, TestClock.Now));

        Assert.Equal("Hace un momento, otra persona que facilita movió esa tarjeta a “Confianza” y ahí se queda. Vuelve a moverla si aún quieres hacerlo.", conflict.Message);
    }

    [Fact]
    public void A_theme_name_too_long_is_refused_in_spanish()
    {
        var board = ThemeBoard.Create(Guid.NewGuid(), 0, TestClock.Now);
        using var spanish = TestCulture.Use("es");

        var refused = Assert.Throws<DomainException>(() => board.AddTheme(new string('x', 81), TestClock.Now));

        Assert.Equal("El nombre de un tema puede tener hasta 80 caracteres; este tiene 81.", refused.Message);
    }

    [Fact]
    public void An_expired_invite_gives_its_date_in_spanish()
    {
        var invite = Invite.Create(SessionBuilder.SpaceId, SpaceRole.Coach, "user-1", "hash", TestClock.Now);
        using var spanish = TestCulture.Use("es-ES");

        var refused = Assert.Throws<DomainException>(() => invite.Accept("user-2", [], TestClock.Now + Invite.Lifetime));

        Assert.Equal("Esta invitación caducó el 19 de marzo de 2026. Pide una nueva.", refused.Message);
    }

    [Fact]
    public void A_space_without_a_name_is_refused_in_spanish()
    {
        using var spanish = TestCulture.Use("es");

        var refused = Assert.Throws<DomainException>(() => Space.Create("  ", "user-1", TestClock.Now));

        Assert.Equal("Ponle un nombre al espacio, por ejemplo el de tu escuela o tu equipo.", refused.Message);
    }

    [Fact]
    public void The_same_refusal_reads_in_english_under_an_english_culture()
    {
        var session = _sessions.Closed();
        using var english = TestCulture.Use("en-US");

        var refused = Assert.Throws<DomainException>(() => session.Join(null, TestClock.Now));

        Assert.Equal("This session has closed; it no longer takes participants.", refused.Message);
    }
}
