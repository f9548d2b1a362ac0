namespace ReflectionWorkshop.Domain.Activities;

/// <summary>What a participant does at a step. The names are the ones used in activity files.</summary>
public enum PromptKind
{
    /// <summary>One free answer.</summary>
    Text,

    /// <summary>Several short items, between a minimum and a maximum.</summary>
    List,

    /// <summary>Two labelled sides answered together (a team that went well / one that did not).</summary>
    Compare,

    /// <summary>Several items, each placed on one labelled scale.</summary>
    Rating,

    /// <summary>One or several of the given options.</summary>
    Choice,

    /// <summary>Something to read, watch or do together; no answer.</summary>
    Info,

    /// <summary>Spends a few dots on the themes the facilitator made from an earlier step's answers.</summary>
    Vote,
}
