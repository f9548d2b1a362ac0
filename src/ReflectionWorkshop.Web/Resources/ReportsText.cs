namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the Reports text: Resources/ReportsText.resx (English) and its translations.</summary>
public sealed class ReportsText;
