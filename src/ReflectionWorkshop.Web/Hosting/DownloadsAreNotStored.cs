using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// Every file a page sends (the summary's Markdown, Word, CSV and JSON exports, the compare CSV, a participant's
/// take-away, an activity file) is marked <c>Cache-Control: no-store</c>: it holds what people answered, and a
/// shared school computer or a proxy must keep no copy (issue 18, "Also expected"). Static files are not page
/// results and keep their long caching.
/// </summary>
public sealed class DownloadsAreNotStored : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is FileResult)
        {
            NoStore(context.HttpContext.Response);
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    public static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
