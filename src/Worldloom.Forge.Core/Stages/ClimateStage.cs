using Worldloom.Forge.Core.Numerics;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Stages;

/// <summary>
/// Temperature and moisture per cell. Temperature falls from south to north (the map spans roughly 65°N to 10°N by
/// default, set per preset by <see cref="ClimateProfile"/>), falls with height above the sea, and wobbles with smooth
/// noise. Moisture comes from the sea: nearness to the coast (a chamfer distance transform) and a westerly wind swept
/// west to east along each row that picks up water over the sea, rains it out on windward slopes and leaves dry rain
/// shadows behind mountains. Integers only; linear in cells.
/// </summary>
public sealed class ClimateStage : IWorldStage
{
    /// <summary>The name of this stage's random stream.</summary>
    public const string StreamName = "climate";

    /// <summary>Coldest temperature a cell can have, °C.</summary>
    public const int MinTemperature = -60;

    /// <summary>Hottest temperature a cell can have, °C.</summary>
    public const int MaxTemperature = 60;

    /// <summary>Elevation units above sea level per 1 °C of cooling: the highest peaks are about 27 °C colder than the coast.</summary>
    public const int LapseUnitsPerDegree = 1100;

    // Temperature noise: ±0.7 of this many hundredths of a degree (about ±8.5 °C; most cells within ±3).
    private const int TemperatureNoiseCenti = 1200;

    // Moisture noise: ±0.7 of this many points (about ±11).
    private const int MoistureNoisePoints = 16;

    // Coast nearness fades to nothing this far inland, in percent of the longer side.
    private const int CoastReachPercent = 30;

    // Share of moisture from coast nearness; the rest comes from the wind sweep.
    private const int CoastWeightPercent = 35;

    // Over the sea, air regains this fraction (per mille) of its missing water per cell of a 256-cell map.
    private const int RechargePerMille = 120;

    // Over land, air loses this fraction (per 10 000) of its water per cell of a 256-cell map, times the preset's drying.
    private const int DryingPerTenThousand = 80;

    // Climbing this many elevation units rains out all of the air's water (capped at 90 % per cell).
    private const int OrographicUnits = 12000;

    // Windward boost: one moisture point per this many elevation units climbed per cell of a 256-cell map (at most 30).
    private const int WindwardUnitsPerPoint = 40;

    // The wind's moisture is averaged north to south over ±(longer side / this) rows, twice.
    private const int WindBlurDivisor = 32;

    /// <inheritdoc />
    public string Name => StreamName;

    /// <inheritdoc />
    public void Run(ForgeWorld world, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rng);
        world.Climate = Generate(ForgeWorld.Require(world.Heightmap, HeightmapStage.StreamName), world.Parameters, rng);
    }

    /// <summary>
    /// The climate of <paramref name="heightmap"/> under <paramref name="parameters"/> (preset and biases; the size
    /// comes from the heightmap), drawing the temperature noise and then the moisture noise from <paramref name="rng"/>.
    /// Throws <see cref="ArgumentException"/> naming the fields when the parameters are out of range.
    /// </summary>
    public static ClimateMap Generate(Heightmap heightmap, WorldParameters parameters, ChaChaRng rng)
    {
        ArgumentNullException.ThrowIfNull(heightmap);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(rng);
        var errors = parameters.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")), nameof(parameters));
        }

        int width = heightmap.Width, height = heightmap.Height;
        var maxDim = Math.Max(width, height);
        var profile = ClimateProfile.For(parameters.Preset);
        var temperatureNoise = LowFrequencyField.Generate(rng, width, height, 3, 3);
        var moistureNoise = LowFrequencyField.Generate(rng, width, height, 4, 3);

        var temperature = new sbyte[width * height];
        var moisture = new byte[width * height];
        var cells = heightmap.Cells.ToArray();
        int sea = heightmap.SeaLevel;
        var coastDistance = ChamferDistance.Compute(width, height, i => cells[i] <= sea);

        // Per-cell rates, scaled with the map so one world gets the same climate at every resolution.
        var recharge = (int)Math.Min(Fixed.One, (long)Fixed.One * RechargePerMille * 256 / (1000L * maxDim));
        var drying = (int)((long)Fixed.One * DryingPerTenThousand * profile.DryingPercent * 256 / (10000L * 100 * maxDim));
        var coastReach = (long)ChamferDistance.Orthogonal * maxDim * CoastReachPercent / 100;
        var temperatureBiasCenti = parameters.TemperatureBias * 20;
        var moistureShift = profile.MoistureShift + (parameters.MoistureBias * 2 / 5);

        // Rows are independent (the wind blows along a row), so computing them in parallel changes no byte.
        var wind = new int[width * height];
        Parallel.For(0, height, y =>
        {
            var row = y * width;
            var latitudeCenti = (profile.NorthCelsius * 100L)
                + ((profile.SouthCelsius - profile.NorthCelsius) * 100L * ((2L * y) + 1) / (2L * height));
            var humidity = Fixed.One;
            var upwind = sea;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                var elevation = cells[i];
                var above = Math.Max(0, elevation - sea);
                var centi = latitudeCenti - (above * 100L / LapseUnitsPerDegree)
                    + (((long)temperatureNoise[i] * TemperatureNoiseCenti) >> Fixed.Shift)
                    + temperatureBiasCenti;
                temperature[i] = (sbyte)Fixed.Clamp(RoundedDivide(centi, 100), MinTemperature, MaxTemperature);

                if (elevation <= sea)
                {
                    humidity += Fixed.Mul(Fixed.One - humidity, recharge);
                    wind[i] = (int)(((long)humidity * 100) >> Fixed.Shift);
                    upwind = sea;
                    continue;
                }

                var rise = Math.Max(0, elevation - upwind);
                var windward = (int)Math.Min(30, (long)rise * maxDim / (256L * WindwardUnitsPerPoint));
                wind[i] = Math.Min(100, (int)(((long)humidity * 100) >> Fixed.Shift) + windward);
                var rainedOut = Math.Min(Fixed.FromRatio(9, 10), (int)((long)rise * Fixed.One / OrographicUnits));
                humidity = Math.Max(0, humidity - Fixed.Mul(humidity, drying + rainedOut));
                upwind = elevation;
            }
        });

        // Neighbouring rows see the same weather: without this, one row that crossed an inlet is a wet streak. Two box
        // passes make a triangle filter, whose edges fade instead of ending in a straight line.
        var radius = Math.Max(1, maxDim / WindBlurDivisor);
        var blurred = VerticalBlur(VerticalBlur(wind, width, height, radius), width, height, radius);
        Parallel.For(0, height, y =>
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                var i = row + x;
                if (cells[i] <= sea)
                {
                    moisture[i] = 100;
                    continue;
                }

                var coast = (int)Math.Max(0, 100 - (coastDistance[i] * 100L / coastReach));
                var value = ((coast * CoastWeightPercent) + (blurred[i] * (100 - CoastWeightPercent))) / 100
                    + (int)(((long)moistureNoise[i] * MoistureNoisePoints) >> Fixed.Shift)
                    + moistureShift;
                moisture[i] = (byte)Fixed.Clamp(value, 0, 100);
            }
        });

        return new ClimateMap(width, height, temperature, moisture);
    }

    // Mean over rows y − radius..y + radius (clamped at the edges), per column; running sums keep it linear.
    private static int[] VerticalBlur(int[] values, int width, int height, int radius)
    {
        var result = new int[values.Length];
        var sum = new int[width];
        var window = (2 * radius) + 1;
        for (var k = -radius; k <= radius; k++)
        {
            AddRow(Math.Clamp(k, 0, height - 1), 1);
        }

        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                result[row + x] = sum[x] / window;
            }

            AddRow(Math.Min(y + radius + 1, height - 1), 1);
            AddRow(Math.Max(y - radius, 0), -1);
        }

        return result;

        void AddRow(int y, int sign)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                sum[x] += sign * values[row + x];
            }
        }
    }

    // Nearest integer to a / b (b > 0), ties away from zero.
    private static int RoundedDivide(long a, int b) => (int)(a >= 0 ? (a + (b / 2)) / b : -((-a + (b / 2)) / b));
}
