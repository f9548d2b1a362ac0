using System.Globalization;
using ReflectionWorkshop.Domain.Activities;
using ReflectionWorkshop.Domain.Sessions;

namespace ReflectionWorkshop.Domain.Themes;

/// <summary>Which answer item a card is: the response and the item's slot in it.</summary>
public readonly record struct CardKey(Guid ResponseId, int Slot)
{
    /// <summary>The form value of a card, e.g. in a "move this card" form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ResponseId:N}-{Slot}");

    public static bool TryParse(string? text, out CardKey key)
    {
        key = default;
        var dash = text?.IndexOf('-') ?? -1;
        if (text is null || dash != 32
            || !Guid.TryParseExact(text[..dash], "N", out var id)
            || !int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var slot))
        {
            return false;
        }

        key = new CardKey(id, slot);
        return true;
    }
}

/// <summary>The side of a compare prompt a card came from; <see cref="None"/> for other kinds.</summary>
public enum CardSide
{
    None,
    Left,
    Right,
}

/// <summary>
/// One answer item on a theme board: a text answer, one item of a list, one side of a compare. Cards
/// are read from the responses each time, so a changed or withdrawn answer is never shown stale.
/// </summary>
public sealed record Card(CardKey Key, string Text, CardSide Side, Guid ParticipantId)
{
    /// <summary>The cards of a prompt's responses, in the order the answers arrived.</summary>
    public static IReadOnlyList<Card> From(Prompt prompt, IEnumerable<Response> responses) =>
        prompt.CanBeThemed
            ? responses
                .OrderBy(r => r.SubmittedAt)
                .ThenBy(r => r.Id)
                .SelectMany(r => r.Items.OrderBy(i => i.Slot).Select(i => new Card(
                    new CardKey(r.Id, i.Slot),
                    i.Text,
                    prompt.Kind != PromptKind.Compare ? CardSide.None : i.Slot == 0 ? CardSide.Left : CardSide.Right,
                    r.ParticipantId)))
                .ToList()
            : [];
}
