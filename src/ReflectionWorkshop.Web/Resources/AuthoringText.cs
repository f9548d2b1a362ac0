namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the authoring pages' strings: AuthoringText.resx (English) and AuthoringText.es.resx (Spanish).</summary>
public sealed class AuthoringText;
