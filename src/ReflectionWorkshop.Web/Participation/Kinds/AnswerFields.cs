using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ReflectionWorkshop.Domain.Activities;

namespace ReflectionWorkshop.Web.Participation.Kinds;

/// <summary>
/// The model of a kind's partial: the prompt and the form's values, for the phone (with its validation
/// state, fields named so they post) or for the editor's preview (<see cref="IsPreview"/>: nothing named,
/// nothing enabled, ids prefixed so several previews sit on one page, none of the script's hooks).
/// </summary>
public sealed record AnswerFields(Prompt Prompt, AnswerInput Input, ModelStateDictionary? State, string IdPrefix = "")
{
    public static AnswerFields Phone(Prompt prompt, AnswerInput input, ModelStateDictionary state) => new(prompt, input, state);

    public static AnswerFields Preview(Prompt prompt, int step) => new(prompt, new AnswerInput { Step = step }, null, $"pv{step}-");

    public bool IsPreview => State is null;

    public string Partial => AnswerForms.Of(Prompt.Kind).Partial;

    public string Id(string id) => IdPrefix + id;

    /// <summary>The field's name on the phone; none in the preview, which sits inside the editor's form and must post nothing.</summary>
    public string? Name(string name) => IsPreview ? null : name;

    /// <summary>
    /// An attribute only the phone's script reads (<c>data-limit</c>, <c>data-dots</c>), written whole; nothing in the
    /// preview. Razor writes a data- attribute even when its value is null, so it cannot simply be left empty.
    /// </summary>
    public IHtmlContent Script(string attribute, object value) => IsPreview
        ? HtmlString.Empty
        : new HtmlString($"{attribute}=\"{HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}\"");

    public string? Error(string field) => State?[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Invalid(string field) => Error(field) is null ? "false" : "true";

    /// <summary>The id of the field's error message, when it has one (for aria-describedby).</summary>
    public string? ErrorId(string field, string id) => Error(field) is null ? null : Id(id + "-error");
}
