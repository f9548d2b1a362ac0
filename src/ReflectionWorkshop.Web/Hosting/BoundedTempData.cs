using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// TempData travels in a cookie, and a browser sends its cookies with every request: a flash message
/// holding a 100,000-character title once made every later request from that browser fail with
/// HTTP 431, sign-out included (issue 18, item 2). Every text saved here is cut to a length no message
/// needs, whatever put it there; the text a person typed is never carried in a cookie.
/// </summary>
public sealed class BoundedTempData(ITempDataProvider inner) : ITempDataProvider
{
    /// <summary>Longer than any message the pages write (their names and titles are bounded well below this).</summary>
    public const int MaxLength = 600;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        var bounded = values.ToDictionary(
            pair => pair.Key,
            pair => pair.Value is string { Length: > MaxLength } text ? string.Concat(text.AsSpan(0, MaxLength - 1), "…") : pair.Value);
        inner.SaveTempData(context, bounded);
    }
}

public static class BoundedTempDataSetup
{
    /// <summary>Wraps the cookie TempData provider that Razor Pages registered; call after <c>AddRazorPages</c>.</summary>
    public static IServiceCollection AddBoundedTempData(this IServiceCollection services)
    {
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider>(provider => new BoundedTempData(provider.GetRequiredService<CookieTempDataProvider>()));
        return services;
    }
}
