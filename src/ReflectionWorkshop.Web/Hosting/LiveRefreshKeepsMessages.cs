using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// A watched page re-reads itself when a live signal arrives (site.js sends <see cref="Header"/>), often while the
/// browser is still following the redirect after a form post, and the form's own edit sent that signal. That re-read
/// must not use up the one-time message (TempData) meant for the page the redirect leads to, or the confirmation
/// never shows: on a live re-read every message is kept for the next ordinary read.
/// </summary>
public sealed class LiveRefreshKeepsMessages(ITempDataDictionaryFactory tempData) : IAlwaysRunResultFilter
{
    public const string Header = "X-Live-Refresh";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) && request.Headers.ContainsKey(Header))
        {
            // Before the result runs: TempData is saved when the response starts.
            tempData.GetTempData(context.HttpContext).Keep();
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
