namespace Node.Inference.Phantoms;

/// <summary>
/// Paints one phantom image in modality units: a body ellipse of tissue on background, the
/// features asked for, and Gaussian noise. Every feature lies inside the body, away from its
/// outline, so that it is the feature and not the outline that a model responds to.
/// </summary>
internal sealed class PhantomPainter
{
    /// <summary>A spot is painted out to this many standard deviations, where its Gaussian falls below 1e-5 of its peak.</summary>
    private const double SpotReach = 5.0;

    private readonly PhantomProfile _profile;
    private readonly Random _random;

    public PhantomPainter(PhantomProfile profile, Random random)
    {
        _profile = profile;
        _random = random;
    }

    /// <summary>Returns Rows × Columns modality values, row by row.</summary>
    public double[] Paint(Body body, bool spots, bool mass, bool dark)
    {
        var rows = _profile.Rows;
        var columns = _profile.Columns;
        var values = new double[rows * columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = body.Contains(r, c)
                    ? _profile.TissueLevel + (_profile.TissueGradient * (r - body.CenterRow) / body.RowRadius)
                    : _profile.BackgroundLevel;
            }
        }

        // Dark regions replace tissue, so they go first and masses and spots may overlap them.
        if (dark)
        {
            PaintDarkRegion(values, body);
        }

        if (mass)
        {
            PaintMass(values, body);
        }

        if (spots)
        {
            PaintSpots(values, body);
        }

        AddNoise(values);
        return values;
    }

    /// <summary>Draws a body ellipse for a study, near the image centre.</summary>
    public Body DrawBody()
    {
        var jitter = 6 * _profile.Scale;
        return new Body(
            (_profile.Rows / 2.0) + Uniform(-jitter, jitter),
            (_profile.Columns / 2.0) + Uniform(-jitter, jitter),
            Uniform(60, 80) * _profile.Rows / PhantomProfile.ReferenceSide,
            Uniform(70, 88) * _profile.Columns / PhantomProfile.ReferenceSide);
    }

    private void PaintDarkRegion(double[] values, Body body)
    {
        var scale = _profile.Scale;
        var rowRadius = Uniform(8, 12) * scale;
        var columnRadius = rowRadius * Uniform(0.8, 1.2);
        var (centerRow, centerColumn) = Place(body, 28 * scale);
        var level = Uniform(_profile.DarkLevel.Min, _profile.DarkLevel.Max);
        ForEachPixelNear(centerRow, centerColumn, Math.Max(rowRadius, columnRadius), (r, c, index) =>
        {
            var inside = Square((r - centerRow) / rowRadius) + Square((c - centerColumn) / columnRadius) <= 1.0;
            if (inside)
            {
                values[index] = level;
            }
        });
    }

    private void PaintMass(double[] values, Body body)
    {
        var scale = _profile.Scale;
        var radius = Uniform(7, 11) * scale;
        var (centerRow, centerColumn) = Place(body, 30 * scale);
        var contrast = Uniform(_profile.MassContrast.Min, _profile.MassContrast.Max);
        ForEachPixelNear(centerRow, centerColumn, radius + 1, (r, c, index) =>
        {
            // A one-pixel soft edge: full contrast inside the radius, fading to none half a pixel beyond it.
            var distance = Math.Sqrt(Square(r - centerRow) + Square(c - centerColumn));
            values[index] += contrast * Math.Clamp(radius + 0.5 - distance, 0.0, 1.0);
        });
    }

    private void PaintSpots(double[] values, Body body)
    {
        var scale = _profile.Scale;
        var count = _random.Next(1, 4);
        for (var spot = 0; spot < count; spot++)
        {
            var (centerRow, centerColumn) = Place(body, 25 * scale);
            var sigma = Uniform(0.8, 1.2) * scale;
            var contrast = Uniform(_profile.SpotContrast.Min, _profile.SpotContrast.Max);
            ForEachPixelNear(centerRow, centerColumn, SpotReach * sigma, (r, c, index) =>
            {
                var distanceSquared = Square(r - centerRow) + Square(c - centerColumn);
                values[index] += contrast * Math.Exp(-distanceSquared / (2 * sigma * sigma));
            });
        }
    }

    /// <summary>Adds Gaussian noise by the Box–Muller transform, two samples per pair of uniforms.</summary>
    private void AddNoise(double[] values)
    {
        for (var i = 0; i < values.Length; i += 2)
        {
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _random.NextDouble()));
            var angle = 2.0 * Math.PI * _random.NextDouble();
            values[i] += _profile.NoiseSigma * radius * Math.Cos(angle);
            if (i + 1 < values.Length)
            {
                values[i + 1] += _profile.NoiseSigma * radius * Math.Sin(angle);
            }
        }
    }

    /// <summary>Returns a random point inside the body at least <paramref name="margin"/> pixels inside its outline.</summary>
    private (double Row, double Column) Place(Body body, double margin)
    {
        var rowRadius = body.RowRadius - margin;
        var columnRadius = body.ColumnRadius - margin;
        while (true)
        {
            var row = Uniform(-rowRadius, rowRadius);
            var column = Uniform(-columnRadius, columnRadius);
            if (Square(row / rowRadius) + Square(column / columnRadius) <= 1.0)
            {
                return (body.CenterRow + row, body.CenterColumn + column);
            }
        }
    }

    /// <summary>Calls <paramref name="paint"/> for every pixel within <paramref name="reach"/> rows and columns of a point.</summary>
    private void ForEachPixelNear(double centerRow, double centerColumn, double reach, Action<int, int, int> paint)
    {
        var firstRow = Math.Max(0, (int)Math.Floor(centerRow - reach));
        var lastRow = Math.Min(_profile.Rows - 1, (int)Math.Ceiling(centerRow + reach));
        var firstColumn = Math.Max(0, (int)Math.Floor(centerColumn - reach));
        var lastColumn = Math.Min(_profile.Columns - 1, (int)Math.Ceiling(centerColumn + reach));
        for (var r = firstRow; r <= lastRow; r++)
        {
            for (var c = firstColumn; c <= lastColumn; c++)
            {
                paint(r, c, (r * _profile.Columns) + c);
            }
        }
    }

    private double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    private static double Square(double value) => value * value;

    /// <summary>The body ellipse: centre and semi-axes in pixels.</summary>
    internal sealed record Body(double CenterRow, double CenterColumn, double RowRadius, double ColumnRadius)
    {
        public bool Contains(int row, int column) =>
            Square((row - CenterRow) / RowRadius) + Square((column - CenterColumn) / ColumnRadius) <= 1.0;
    }
}
