namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the review text (theme board, summary page, compare page, tallies): Resources/ReviewText.resx (English) and its translations.</summary>
public sealed class ReviewText;
