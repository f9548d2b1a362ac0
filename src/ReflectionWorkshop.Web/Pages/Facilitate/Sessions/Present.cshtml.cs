using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Suggestions;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}/present: the projector. Join code and QR code in the lobby; during a step the
/// prompt, the timer, the answer count and, once revealed, the answers. Names never appear here.
/// </summary>
public sealed class PresentModel(SpaceAccess access, RoomReading rooms, IConfiguration configuration, IStringLocalizer<FacilitationText> text) : PageModel
{
    /// <summary>Quotes under each theme on the projector: two, so four or five themes fit beside each other.</summary>
    public const int QuotesShown = 2;

    public Session Session { get; private set; } = null!;

    public int Participants { get; private set; }

    /// <summary>The current step's answers, gathered; authors are left out when rendering.</summary>
    public PromptSummary? Current { get; private set; }

    public IReadOnlyList<(string Word, int Count)> Words { get; private set; } = [];

    /// <summary>Self-paced sessions: how many people are on each step.</summary>
    public IReadOnlyList<(string Step, int People)> Progress { get; private set; } = [];

    public JoinLinks Links { get; private set; } = null!;

    /// <summary>The current step's themes, once the facilitator has made some; shown instead of the raw answers.</summary>
    public BoardView? Board { get; private set; }

    public StepContext? Context { get; private set; }

    /// <summary>The answers that fit the screen, once revealed: a text or list step's, or a compare step's two sides.</summary>
    public ProjectorFit.Wall? Wall { get; private set; }

    public ProjectorFit.Wall? Left { get; private set; }

    public ProjectorFit.Wall? Right { get; private set; }

    /// <summary>The themes shown, largest (or most distinctive) first, as many as fit; the rest are counted.</summary>
    public IReadOnlyList<ThemeView> Themes { get; private set; } = [];

    public int MoreThemes { get; private set; }

    /// <summary>The height (in em) under the step's title that the answers may take: see <see cref="ProjectorFit"/>.</summary>
    public double Stage { get; private set; } = ProjectorFit.StageHeight;

    /// <summary>The word chart beside the answers, when the step's answers are words.</summary>
    public bool ShowsWords { get; private set; }

    /// <summary>What the projector showed, for its poll while the live connection is down (the control page's poll, <see cref="Live.PageSignature"/>).</summary>
    public string Signature { get; private set; } = "";

    /// <summary>The space the session belongs to: the closed room says where its summary is kept.</summary>
    public string SpaceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { Session: var session })
        {
            return NotFound();
        }

        Session = session;
        var room = await rooms.ReadAsync(session, session.CurrentStep, withBoard: session.AnswersRevealed, cancellationToken);
        Participants = room.Participants.Count;
        Signature = room.Signature;
        if (session.State == SessionState.Running && session.IsSelfPaced)
        {
            Progress = session.Activity.Prompts
                .Select((prompt, step) => ($"{step + 1}. {prompt.Title}", room.OnEachStep[step]))
                .ToList();
        }
        else if (room.Summary is { } current)
        {
            Current = current;
            Words = WordChart.Of(Current.Texts.Concat(Current.Left).Concat(Current.Right).Select(e => e.Text), 12, Session.Activity.Language);
            Context = room.Context;
            Stage = ProjectorFit.StageUnder(Current.Prompt.Title);
            if (room.Board is { Ranked.Count: > 0 } board)
            {
                Board = board;
                var themes = board.IsCompare ? board.SetApart : board.Ranked;
                var fit = ProjectorFit.Themes(themes.Select(t => (t.Theme.Name, (IReadOnlyList<string>)t.Quotes.Take(QuotesShown).Select(q => q.Text).ToList())).ToList(), Stage);
                Themes = themes.Take(fit).ToList();
                MoreThemes = themes.Count - fit;
            }
            else if (session.AnswersRevealed)
            {
                ShowsWords = Words.Count > 0 && Current.Prompt.Kind is PromptKind.Text or PromptKind.List or PromptKind.Compare;
                if (Current.Prompt.Kind == PromptKind.Compare)
                {
                    Left = ProjectorFit.Side([.. Current.Left.Select(e => e.Text)], ShowsWords, Stage);
                    Right = ProjectorFit.Side([.. Current.Right.Select(e => e.Text)], ShowsWords, Stage);
                }
                else
                {
                    Wall = ProjectorFit.Answers([.. Current.Texts.Select(e => e.Text)], ShowsWords, Stage);
                }
            }
        }
        else if (session.State == SessionState.Closed)
        {
            SpaceName = await rooms.SpaceNameAsync(session, cancellationToken);
        }

        Links = JoinLinks.For(session.JoinCode, Request, configuration, text);
        return Page();
    }
}
