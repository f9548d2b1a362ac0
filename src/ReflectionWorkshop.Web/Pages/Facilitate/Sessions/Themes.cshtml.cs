using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Domain;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Domain.Themes;
using ReflectionWorkshop.Infrastructure.Persistence;
using ReflectionWorkshop.Web.Facilitation;
using ReflectionWorkshop.Web.Live;
using ReflectionWorkshop.Web.Resources;
using ReflectionWorkshop.Web.Spaces;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Pages.Facilitate.Sessions;

/// <summary>
/// /facilitate/sessions/{id}/themes/{number}: the theme board of one step. Every answer item is a card;
/// the facilitator suggests themes, renames, merges, splits, moves cards (a select per card, or drag
/// and drop), and shows the result on the projector. Facilitators of the space edit; coaches read.
/// </summary>
public sealed class ThemesModel(SpaceAccess access, ThemeBoards boards, Steering steering, LiveUpdates live, TimeProvider clock, IStringLocalizer<ReviewText> text) : PageModel
{
    public Session Session { get; private set; } = null!;

    /// <summary>Zero-based step of the board; the address uses the 1-based number people see.</summary>
    public int Step { get; private set; }

    public BoardView Board { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>Where each loose card likely belongs among the named themes; null when the engine had no answer in time.</summary>
    public IReadOnlyDictionary<CardKey, CardHint>? Hints { get; private set; }

    /// <summary>The cards the engine is sure of, by the theme it shows them in as "suggested".</summary>
    public ILookup<Guid, Card> Suggested { get; private set; } = Array.Empty<Card>().ToLookup(c => Guid.Empty);

    /// <summary>Loose cards not shown as suggested in a theme: they wait in the "to place" column.</summary>
    public IReadOnlyList<Card> ToPlace { get; private set; } = [];

    /// <summary>What the board showed, for its poll (<see cref="PageSignature"/>): its cards and when it last changed.</summary>
    public string Signature => PageSignature.Of(Session, 0, Board.CardCount, UpdatedAt);

    /// <summary>When the board last changed, for the page's live refresh.</summary>
    public DateTimeOffset? UpdatedAt { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Where the page lands after an edit (the moved card), so keyboard users carry on from there.</summary>
    private string? _landOn;

    /// <summary>A refused name, kept so the field shows what was typed: (the form's field id, the text).</summary>
    public (string Field, string Typed)? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int number, CancellationToken cancellationToken) =>
        await LoadAsync(id, number, cancellationToken) ? Page() : NotFound();

    /// <summary>What the page polls when the live connection is down: a change in any of these refreshes it.</summary>
    public async Task<IActionResult> OnGetStateAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, number, cancellationToken, withHints: false))
        {
            return NotFound();
        }

        return new JsonResult(new { signature = Signature });
    }

    public Task<IActionResult> OnPostSuggestAsync(Guid id, int number, CancellationToken cancellationToken) =>
        EditAsync(id, number, null, async session =>
        {
            var drafts = await boards.SuggestAsync(session, number - 1, cancellationToken);
            return drafts switch
            {
                null => text["Themes.SuggestTimedOut"],
                0 => text["Themes.SuggestedNone"],
                1 => text["Themes.SuggestedOne"],
                _ => text["Themes.SuggestedMany", drafts],
            };
        }, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, int number, Guid themeId, string? name, CancellationToken cancellationToken) =>
        EditAsync(id, number, ($"draft-{themeId:N}", name), session => EditBoard(session, number, (board, _) =>
        {
            var theme = board.AcceptDraft(themeId, name ?? "", clock.GetUtcNow());
            return theme.Cards.Count == 1 ? text["Themes.AcceptedOne", theme.Name] : text["Themes.AcceptedMany", theme.Name, theme.Cards.Count];
        }), cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid id, int number, Guid themeId, CancellationToken cancellationToken) =>
        EditAsync(id, number, null, session => EditBoard(session, number, (board, _) =>
        {
            var name = board.Drafts.FirstOrDefault(d => d.Id == themeId)?.Name ?? "";
            board.DismissDraft(themeId, clock.GetUtcNow());
            return text["Themes.Dismissed", name];
        }), cancellationToken);

    /// <summary>Places the suggested cards the facilitator saw in a theme (one card, or all of a theme's at once).</summary>
    public Task<IActionResult> OnPostConfirmAsync(Guid id, int number, Guid themeId, List<string> cards, CancellationToken cancellationToken) =>
        EditAsync(id, number, null, session => EditBoard(session, number, (board, known) =>
        {
            var onBoard = known.Select(c => c.Key).ToHashSet();
            var keys = cards.Select(c => CardKey.TryParse(c, out var key) ? key : (CardKey?)null).OfType<CardKey>().Where(onBoard.Contains).ToList();
            var placed = board.Confirm(themeId, keys, clock.GetUtcNow());
            var name = board.Find(themeId)!.Name;
            return placed switch
            {
                0 => text["Themes.ConfirmedNone"],
                1 => text["Themes.ConfirmedOne", name],
                _ => text["Themes.ConfirmedMany", placed, name],
            };
        }), cancellationToken);

    public Task<IActionResult> OnPostAddAsync(Guid id, int number, string? name, CancellationToken cancellationToken) =>
        EditAsync(id, number, ("new-theme", name), session => EditBoard(session, number, (board, _) =>
        {
            var theme = board.AddTheme(name ?? "", clock.GetUtcNow());
            return text["Themes.Added", theme.Name];
        }), cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(Guid id, int number, Guid themeId, string? expected, string? name, CancellationToken cancellationToken) =>
        EditAsync(id, number, ($"name-{themeId:N}", name), session => EditBoard(session, number, (board, _) =>
        {
            board.Rename(themeId, expected ?? "", name ?? "", clock.GetUtcNow());
            return text["Themes.Renamed", name?.Trim() ?? ""];
        }), cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(Guid id, int number, string? card, Guid? from, string? to, CancellationToken cancellationToken) =>
        EditAsync(id, number, null, session => EditBoard(session, number, (board, cards) =>
        {
            var moved = Existing(cards, card);
            _landOn = $"card-{moved.Key}";
            Guid? target = Guid.TryParse(to, out var t) ? t : null;
            board.Move(moved.Key, from, target, clock.GetUtcNow());
            return target is null
                ? text["Themes.MovedOut", Short(moved.Text)]
                : text["Themes.Moved", Short(moved.Text), board.Find(target.Value)!.Name];
        }), cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(Guid id, int number, Guid themeId, Guid? into, CancellationToken cancellationToken) =>
        EditAsync(id, number, null, session => EditBoard(session, number, (board, _) =>
        {
            if (into is not { } target)
            {
                throw new DomainException(text["Themes.MergeWhere"]);
            }

            var source = board.Find(themeId)?.Name;
            board.Merge(themeId, target, clock.GetUtcNow());
            return text["Themes.Merged", source ?? "", board.Find(target)!.Name];
        }), cancellationToken);

    public Task<IActionResult> OnPostSplitAsync(Guid id, int number, Guid themeId, List<string> cards, string? name, CancellationToken cancellationToken) =>
        EditAsync(id, number, ($"split-name-{themeId:N}", name), session => EditBoard(session, number, (board, known) =>
        {
            var picked = cards.Select(c => Existing(known, c).Key).ToList();
            var split = board.Split(themeId, picked, name ?? "", clock.GetUtcNow());
            return split.Cards.Count == 1 ? text["Themes.SplitOne", split.Name] : text["Themes.SplitMany", split.Cards.Count, split.Name];
        }), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, int number, Guid themeId, CancellationToken cancellationToken) =>
        EditAsync(id, number, null, session => EditBoard(session, number, (board, _) =>
        {
            var name = board.Find(themeId)?.Name;
            board.Delete(themeId, clock.GetUtcNow());
            return text["Themes.Deleted", name ?? ""];
        }), cancellationToken);

    /// <summary>Puts this step's themes on the projector (the room's current step only).</summary>
    public Task<IActionResult> OnPostShowAsync(Guid id, int number, bool show, CancellationToken cancellationToken) =>
        SteerAsync(id, number, session =>
        {
            session.ShowOnProjector(number - 1, show);
            return Task.FromResult(show ? text["Themes.Shown"].Value : text["Themes.Hidden"].Value);
        }, cancellationToken);

    /// <summary>Asks the room to sort its own cards into the named themes, or ends that.</summary>
    public Task<IActionResult> OnPostRoomSortAsync(Guid id, int number, bool sort, CancellationToken cancellationToken) =>
        SteerAsync(id, number, async session =>
        {
            if (!sort)
            {
                session.StopRoomSorting();
                return text["Themes.RoomSortStopped"];
            }

            await boards.StartRoomSortingAsync(session, number - 1, cancellationToken);
            return text["Themes.RoomSortStarted"];
        }, cancellationToken);

    /// <summary>
    /// Changes the session itself (what the room sees), for a facilitator of the space: saves, tells the phones and
    /// pages, and comes back to the board with the outcome or the reason it was refused.
    /// </summary>
    private async Task<IActionResult> SteerAsync(Guid id, int number, Func<Session, Task<string>> change, CancellationToken cancellationToken)
    {
        var steered = await steering.ChangeAsync(User, id, Steerer.AnyFacilitator, async session => await change(session), cancellationToken, step: number - 1);
        if (!steered.Found)
        {
            return NotFound();
        }

        Message = steered.Message;
        return RedirectToPage(new { id, number });
    }

    private Task<string> EditBoard(Session session, int number, Func<ThemeBoard, IReadOnlyList<Card>, string> edit) =>
        boards.EditAsync(session, number - 1, edit, HttpContext.RequestAborted);

    private Card Existing(IReadOnlyList<Card> cards, string? key) =>
        CardKey.TryParse(key, out var parsed) && cards.FirstOrDefault(c => c.Key == parsed) is { } card
            ? card
            : throw new ThemeConflictException(text["Themes.CardGone"]);

    private static string Short(string text) => text.Length <= 60 ? text : text[..57].TrimEnd() + "…";

    /// <summary>
    /// Runs one edit for a facilitator of the space, then tells every open board and control page.
    /// A refused edit re-shows the board with the message and, for a name, what was typed.
    /// </summary>
    private async Task<IActionResult> EditAsync(Guid id, int number, (string Field, string? Typed)? typed, Func<Session, Task<string>> edit, CancellationToken cancellationToken)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { CanSteer: true, Session: var session }
            || number < 1 || number > session.Activity.Prompts.Count || !session.PromptAt(number - 1).CanBeThemed)
        {
            return NotFound();
        }

        try
        {
            Message = await edit(session);
            await live.AnswersChangedAsync(id);
            return _landOn is null ? RedirectToPage(new { id, number }) : Redirect($"/facilitate/sessions/{id}/themes/{number}#{_landOn}");
        }
        catch (DomainException ex) when (typed is { } field && ex is not ThemeConflictException)
        {
            ModelState.AddModelError(field.Field, ex.Message);
            Refused = (field.Field, field.Typed ?? "");
            Message = null;
            await LoadAsync(id, number, cancellationToken);
            return Page();
        }
        catch (DomainException ex)
        {
            Message = ex.Message;
            return RedirectToPage(new { id, number });
        }
    }

    private async Task<bool> LoadAsync(Guid id, int number, CancellationToken cancellationToken, bool withHints = true)
    {
        if (await access.SessionAsync(User, id, cancellationToken: cancellationToken) is not { } found
            || number < 1 || number > found.Session.Activity.Prompts.Count
            || !found.Session.PromptAt(number - 1).CanBeThemed)
        {
            return false;
        }

        Session = found.Session;
        Step = number - 1;
        CanEdit = found.CanSteer;
        Board = await boards.ViewAsync(Session, Step, cancellationToken);
        UpdatedAt = await boards.UpdatedAtAsync(id, Step, cancellationToken);
        if (CanEdit && withHints)
        {
            Hints = await boards.HintsAsync(Session, Board, cancellationToken);
        }

        var hints = Hints ?? new Dictionary<CardKey, CardHint>();
        Suggested = Board.Loose.Where(c => hints.TryGetValue(c.Key, out var hint) && hint.Suggested).ToLookup(c => hints[c.Key].Choices[0].Id);
        ToPlace = Board.Loose.Where(c => !(hints.TryGetValue(c.Key, out var hint) && hint.Suggested)).ToList();
        return true;
    }
}

/// <summary>
/// One card as the board shows it: where it is (<paramref name="ThemeId"/>, null when unthemed), the engine's
/// hint for a loose card, and whether it is shown in its likeliest theme as "suggested" until a person confirms it.
/// </summary>
public sealed record BoardCardModel(Card Card, Guid? ThemeId, BoardView Board, bool CanEdit, string Side, CardHint? Hint = null, bool Suggested = false);
