namespace ReflectionWorkshop.Domain;

/// <summary>
/// Thrown when a caller asks an entity for a transition its invariants forbid
/// (answering a step that is not open, advancing a closed session…). The message is
/// written for the person who caused it, in the current culture's language (Resources/DomainText),
/// because pages show it as it is.
/// </summary>
public class DomainException(string message) : Exception(message);
