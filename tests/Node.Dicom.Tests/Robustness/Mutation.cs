namespace Node.Dicom.Tests.Robustness;

/// <summary>An input made from a sample, and the steps that made it, to print on a failure.</summary>
internal readonly record struct Mutation(string Description, byte[] Input);
