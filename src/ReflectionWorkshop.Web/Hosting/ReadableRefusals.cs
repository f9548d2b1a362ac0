using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ReflectionWorkshop.Web.Hosting;

/// <summary>
/// A form post the antiforgery check refuses — too large (Kestrel's body limit), too many fields, unreadable,
/// or its token expired — gets a 400 with a short page saying what happened, instead of an empty body
/// (and a blank screen on the phone). It runs even though the check short-circuits the page.
/// </summary>
public sealed class ReadableRefusals : IAlwaysRunResultFilter
{
    /// <summary>Self-contained: the layout may need the very services or state that just failed.</summary>
    public const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not sent</title></head>
        <body>
        <main>
        <h1>That form could not be accepted</h1>
        <p>It was too large, could not be read, or had been open too long. Nothing from it was saved.</p>
        <p>Go back, reload the page and try again. If you had typed something, copy it first.</p>
        <p><a href="/">Back to the start</a></p>
        </main>
        </body>
        </html>
        """;

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentType = "text/html; charset=utf-8",
                Content = Page,
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
