namespace Node.Inference.Packs;

/// <summary>An inclusive range of integers.</summary>
public sealed record IntegerRange(int Min, int Max)
{
    public bool Contains(int value) => value >= Min && value <= Max;

    public override string ToString() => $"{Min} to {Max}";
}
