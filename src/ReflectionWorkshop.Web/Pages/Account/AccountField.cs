namespace ReflectionWorkshop.Web.Pages.Account;

/// <summary>
/// One labelled input on an account form, drawn by _Field.cshtml with its error next to it.
/// <paramref name="Name"/> is the model-state key (e.g. Input.Email); a password field never shows a value.
/// </summary>
public sealed record AccountField(
    string Id,
    string Name,
    string Label,
    string Type,
    string Autocomplete,
    string? Value = null,
    string? Hint = null,
    int? MaxLength = null,
    bool Autofocus = false);
