namespace Node.Reports.Sr;

/// <summary>Relationship Type (0040,A010) values of PS3.3 C.17.3.2.4.</summary>
public static class RelationshipType
{
    public const string Contains = "CONTAINS";
    public const string HasProperties = "HAS PROPERTIES";
    public const string HasObservationContext = "HAS OBS CONTEXT";
    public const string HasAcquisitionContext = "HAS ACQ CONTEXT";
    public const string HasConceptModifier = "HAS CONCEPT MOD";
    public const string InferredFrom = "INFERRED FROM";
    public const string SelectedFrom = "SELECTED FROM";
}
