namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the Shared text: Resources/SharedText.resx (English) and its translations.</summary>
public sealed class SharedText;
