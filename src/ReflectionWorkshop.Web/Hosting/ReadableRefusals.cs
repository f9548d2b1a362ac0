using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using ReflectionWorkshop.Web.Resources;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// A form post the antiforgery check refuses — too large (Kestrel's body limit), too many fields, unreadable,
/// or its token expired — gets a 400 with a short page saying what happened, instead of an empty body
/// (and a blank screen on the phone). It runs even though the check short-circuits the page.
/// </summary>
public sealed class ReadableRefusals : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/html; charset=utf-8",
                Content = Page(context.HttpContext),
            };
        }
    }

    /// <summary>The refusal, in the request's language.</summary>
    public static string Page(HttpContext context)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
        return PlainPage.Html(context, text["Refused.Heading"], text["Refused.What"], text["Refused.Next"]);
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
