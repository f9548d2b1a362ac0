using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ReflectionWorkshop.Domain.Sessions;
using ReflectionWorkshop.Web.Localization;
using ReflectionWorkshop.Web.Participation;
using ReflectionWorkshop.Web.Themes;

namespace ReflectionWorkshop.Web.Live;

/// <summary>
/// The room's view of its current step (<see cref="PhoneView.ForRoom"/>), drawn by the phone's own partial once per
/// language the app speaks, for the step-change signal to carry (ADR-016): a phone that has not answered the step
/// shows it from the signal, without asking the server for its page. Drawn outside any phone's request, in a scope of
/// its own, so nothing of one phone (cookie, token, name) can be in it.
/// </summary>
public sealed partial class StepViews(IServiceScopeFactory scopes, IRazorViewEngine views, ITempDataProvider tempData, ILogger<StepViews> logger)
{
    private const string PhonePartial = "/Pages/Play/_Phone.cshtml";

    /// <summary>The view in each language (by culture name), or an empty map when the room's step cannot be shared.</summary>
    public async Task<IReadOnlyDictionary<string, string>> DrawAsync(Session session, CancellationToken cancellationToken)
    {
        if (!PhoneView.CanShare(session))
        {
            return new Dictionary<string, string>();
        }

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await using var scope = scopes.CreateAsyncScope();
        var boards = scope.ServiceProvider.GetRequiredService<ThemeBoards>();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var route = new RouteData { Values = { ["page"] = "/Play/Index" } };
        var action = new ActionContext(http, route, new ActionDescriptor { RouteValues = { ["page"] = "/Play/Index" } });
        var partial = views.GetView(executingFilePath: null, PhonePartial, isMainPage: false).EnsureSuccessful(originalLocations: null).View!;
        var drawn = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var language in WorkshopLanguages.Supported)
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
                var prompt = session.PromptAt(session.CurrentStep, language.Name);
                var context = await boards.ContextAsync(session, session.CurrentStep, cancellationToken);
                await using var writer = new StringWriter(CultureInfo.InvariantCulture);
                var data = new ViewDataDictionary<PhoneView>(new EmptyModelMetadataProvider(), new ModelStateDictionary())
                {
                    Model = PhoneView.ForRoom(session, prompt, context),
                };
                var viewContext = new ViewContext(action, partial, data, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
                await partial.RenderAsync(viewContext);
                drawn[language.Name] = writer.ToString();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without a view every phone re-reads its page, as it always could: slower, never wrong.
            LogNotDrawn(ex, session.Id);
            return new Dictionary<string, string>();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }

        return drawn;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not draw the room's view of session {SessionId}; its phones will read their own pages.")]
    private partial void LogNotDrawn(Exception exception, Guid sessionId);
}
