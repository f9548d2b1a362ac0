using ReflectionWorkshop.Infrastructure.Caching;
using ReflectionWorkshop.Suggestions;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// The projector's word chart. The projector draws it on every read, after every answer, over all the step's answers:
/// reading each answer's words (its language, stop words and stems) again every time was a seventh of the server's CPU
/// while a room of 1,000 answered (perf, 2026-12-07). Each answer is read once and kept; only the count is redone.
/// </summary>
public static class WordChart
{
    /// <summary>The words most used, at most <paramref name="count"/>, as <see cref="WordCounts.Top(IEnumerable{string}, int, string)"/> gives them.</summary>
    public static IReadOnlyList<(string Word, int Count)> Of(IEnumerable<string> answers, int count, string roomLanguage) =>
        WordCounts.Top(answers.Select(answer => Read.Get((answer, roomLanguage))), count);

    // Enough for the answers on every projector of a district day at once (40 rooms of 30, or one room of 1,000, and
    // their earlier steps); an answer longer than a phone's box allows is read each time rather than kept.
    private static readonly RecentResults<(string Answer, string Language), AnswerWords> Read =
        new(input => WordCounts.Read(input.Answer, input.Language), capacity: 16_384, input => input.Answer.Length <= 2_000);
}
