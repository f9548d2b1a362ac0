namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the authoring pages' strings: Authoring.resx (English) and Authoring.es.resx (Spanish).</summary>
public sealed class Authoring;
