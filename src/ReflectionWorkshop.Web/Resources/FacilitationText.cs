namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the Facilitation text: Resources/FacilitationText.resx (English) and its translations.</summary>
public sealed class FacilitationText;
