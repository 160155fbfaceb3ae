namespace Node.Inference.Packs;

/// <summary>A code as DICOM writes it: Code Value, Coding Scheme Designator and Code Meaning.</summary>
public sealed record CodedConcept(string Value, string Scheme, string Meaning)
{
    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
