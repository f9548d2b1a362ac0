namespace ReflectionWorkshop.Web.Resources;

/// <summary>Marker for the Participant text: Resources/ParticipantText.resx (English) and its translations.</summary>
public sealed class ParticipantText;
