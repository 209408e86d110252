namespace Worldloom.Forge.Core.World;

/// <summary>
/// Everything besides the seed that decides a generated world. All values are integers so the canonical form has no
/// floats; sliders are 0–100 (biases −100–100) and each stage maps them to its own fixed-point constants.
/// </summary>
public sealed record WorldParameters
{
    /// <summary>Smallest allowed width or height, in cells.</summary>
    public const int MinSize = 64;

    /// <summary>Largest allowed width or height, in cells.</summary>
    public const int MaxSize = 4096;

    /// <summary>Most factions a world may have.</summary>
    public const int MaxFactionCount = 32;

    /// <summary>Width in cells, <see cref="MinSize"/>–<see cref="MaxSize"/>.</summary>
    public int Width { get; init; } = 256;

    /// <summary>Height in cells, <see cref="MinSize"/>–<see cref="MaxSize"/>.</summary>
    public int Height { get; init; } = 256;

    /// <summary>Sea level as a percentage (0–100) of the elevation range; higher means more water.</summary>
    public int SeaLevel { get; init; } = 50;

    /// <summary>Terrain roughness 0–100: how much the finer noise octaves weigh.</summary>
    public int Roughness { get; init; } = 50;

    /// <summary>Shift of temperatures, −100 (colder) to 100 (hotter).</summary>
    public int TemperatureBias { get; init; }

    /// <summary>Shift of moisture, −100 (drier) to 100 (wetter).</summary>
    public int MoistureBias { get; init; }

    /// <summary>Settlement density 0–100.</summary>
    public int SettlementDensity { get; init; } = 50;

    /// <summary>Number of factions, 1–<see cref="MaxFactionCount"/>.</summary>
    public int FactionCount { get; init; } = 4;

    /// <summary>The preset that shapes every stage.</summary>
    public WorldPreset Preset { get; init; } = WorldPreset.Continent;

    /// <summary>Every out-of-range value, each named by its camelCase field; empty when the parameters are valid.</summary>
    public IReadOnlyList<ParameterError> Validate()
    {
        var errors = new List<ParameterError>();
        Check(errors, "width", Width, MinSize, MaxSize);
        Check(errors, "height", Height, MinSize, MaxSize);
        Check(errors, "seaLevel", SeaLevel, 0, 100);
        Check(errors, "roughness", Roughness, 0, 100);
        Check(errors, "temperatureBias", TemperatureBias, -100, 100);
        Check(errors, "moistureBias", MoistureBias, -100, 100);
        Check(errors, "settlementDensity", SettlementDensity, 0, 100);
        Check(errors, "factionCount", FactionCount, 1, MaxFactionCount);
        if (!Enum.IsDefined(Preset))
        {
            errors.Add(new ParameterError("preset", $"Must be one of {string.Join(", ", WorldPresetNames.All)}."));
        }

        return errors;
    }

    private static void Check(List<ParameterError> errors, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(new ParameterError(field, $"Must be between {min} and {max}; got {value}."));
        }
    }
}
