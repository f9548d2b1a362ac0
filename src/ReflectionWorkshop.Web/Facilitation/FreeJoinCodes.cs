using Microsoft.EntityFrameworkCore;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Infrastructure.Persistence;

namespace ReflectionWorkshop.Web.Facilitation;

/// <summary>
/// A join code no session has ever had. Codes are unique for all time, so an old link or QR code can never land a
/// phone in someone else's session. With 887 million codes a clash is rare; twenty in a row means something is
/// wrong, and the page says so instead of trying for ever.
/// </summary>
public static class FreeJoinCodes
{
    private const int Attempts = 20;

    /// <summary>A free code, or null after <see cref="Attempts"/> codes that were all taken.</summary>
    public static async Task<string?> FindAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var code = JoinCode.Generate();
            if (!await db.Sessions.AnyAsync(s => s.JoinCode == code, cancellationToken))
            {
                return code;
            }
        }

        return null;
    }
}
