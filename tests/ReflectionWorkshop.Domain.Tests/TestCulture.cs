using System.Globalization;
using System.Runtime.CompilerServices;

namespace ReflectionWorkshop.Domain.Tests;

/// <summary>
/// The domain writes its messages in the current culture. The tests read them in English (the neutral
/// resources, invariant number formats) whatever the machine's locale is; a test that wants another
/// language says so with <see cref="Use"/>.
/// </summary>
internal static class TestCulture
{
#pragma warning disable CA2255 // A test assembly is the place for this: it pins the culture before any test runs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void PinInvariant()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>Runs the rest of a test in <paramref name="name"/> (culture and UI culture), as a request would; dispose to go back.</summary>
    public static IDisposable Use(string name)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
