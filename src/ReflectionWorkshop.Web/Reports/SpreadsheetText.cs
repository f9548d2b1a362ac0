namespace ReflectionWorkshop.Web.Reports;

/// <summary>
/// For CSV files whose number columns must stay numbers (a change of −0.5 is not a formula): text
/// cells are neutralised one by one, the same way CsvHelper's injection protection does it.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
