namespace Node.Inference.Tests.Support;

/// <summary>
/// The closed-form check images of tools/reference-model/reference_model.py, built from the same
/// rules: a body ellipse at 0.5 on 0, and one faint feature per variant ("all" has the three).
/// </summary>
internal static class CheckImages
{
    public const int Size = 256;

    public static readonly string[] Variants = ["plain", "spot", "mass", "dark", "all"];

    public static float[] Build(string variant)
    {
        var image = new float[Size * Size];
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                var inBody = Square((r - 128) / 100.0) + Square((c - 128) / 80.0) <= 1.0;
                image[(r * Size) + c] = inBody ? 0.5f : 0.0f;
            }
        }

        if (variant is "spot" or "all")
        {
            ForDisc(100, 90, 1, index => image[index] += 0.32f);
        }

        if (variant is "mass" or "all")
        {
            ForDisc(150, 150, 12, index => image[index] += 0.08f);
        }

        if (variant is "dark" or "all")
        {
            ForDisc(100, 165, 12, index => image[index] = 0.3f);
        }

        return image;
    }

    private static void ForDisc(int centerRow, int centerColumn, int radius, Action<int> apply)
    {
        for (var r = 0; r < Size; r++)
        {
            for (var c = 0; c < Size; c++)
            {
                if (((r - centerRow) * (r - centerRow)) + ((c - centerColumn) * (c - centerColumn)) <= radius * radius)
                {
                    apply((r * Size) + c);
                }
            }
        }
    }

    private static double Square(double value) => value * value;
}
