namespace Worldloom.Cli.Bench;

/// <summary>Mean, median, 99th percentile and maximum of a set of figures.</summary>
internal sealed record Spread(double Mean, double P50, double P99, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Spread(0, 0, 0, 0);
        }

        // Nearest rank: the smallest value with at least p of the values at or below it.
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Spread(Math.Round(sorted.Average(), 3), Math.Round(At(0.5), 3), Math.Round(At(0.99), 3), Math.Round(sorted[^1], 3));
    }
}
