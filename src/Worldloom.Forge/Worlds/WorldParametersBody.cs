using System.Globalization;
using System.Text.Json;
using Worldloom.Forge.Core.World;
using Worldloom.Platform.Problems;

namespace Worldloom.Forge.Worlds;

/// <summary>
/// The generation parameters as the API takes them (worlds, batches, previews and <c>/v5/generate</c>): every field
/// optional with the defaults of <see cref="WorldParameters"/>; <c>size</c> sets both sides.
/// </summary>
public record WorldParametersBody
{
    /// <summary>Both sides at once (square worlds).</summary>
    public int? Size { get; init; }

    /// <summary>Width in cells, 64–4096.</summary>
    public int? Width { get; init; }

    /// <summary>Height in cells, 64–4096.</summary>
    public int? Height { get; init; }

    /// <summary>continent, archipelago, highlands, desert or frozen_north.</summary>
    public string? Preset { get; init; }

    /// <summary>0–100.</summary>
    public int? SeaLevel { get; init; }

    /// <summary>0–100.</summary>
    public int? Roughness { get; init; }

    /// <summary>−100–100.</summary>
    public int? TemperatureBias { get; init; }

    /// <summary>−100–100.</summary>
    public int? MoistureBias { get; init; }

    /// <summary>0–100.</summary>
    public int? SettlementDensity { get; init; }

    /// <summary>1–32.</summary>
    public int? FactionCount { get; init; }

    /// <summary>The parameters, with every out-of-range value reported to <paramref name="v"/> under its field name.</summary>
    public WorldParameters ToParameters(Validation v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (Size is not null && (Width is not null || Height is not null))
        {
            v.Add("size", "give either size or width and height, not both.");
        }

        var defaults = new WorldParameters();
        var preset = defaults.Preset;
        if (Preset is not null && !WorldPresetNames.TryParse(Preset, out preset))
        {
            v.Add("preset", $"must be one of {string.Join(", ", WorldPresetNames.All)}.");
        }

        if (Size is { } size && (size < WorldParameters.MinSize || size > WorldParameters.MaxSize))
        {
            v.Add("size", $"must be between {WorldParameters.MinSize} and {WorldParameters.MaxSize}; got {size}.");
        }

        var parameters = new WorldParameters
        {
            Width = Size ?? Width ?? defaults.Width,
            Height = Size ?? Height ?? defaults.Height,
            SeaLevel = SeaLevel ?? defaults.SeaLevel,
            Roughness = Roughness ?? defaults.Roughness,
            TemperatureBias = TemperatureBias ?? defaults.TemperatureBias,
            MoistureBias = MoistureBias ?? defaults.MoistureBias,
            SettlementDensity = SettlementDensity ?? defaults.SettlementDensity,
            FactionCount = FactionCount ?? defaults.FactionCount,
            Preset = preset,
        };
        foreach (var error in parameters.Validate())
        {
            // A size error is already reported once under "size"; don't repeat it for width and height.
            if (Size is null || error.Field is not ("width" or "height"))
            {
                v.Add(error.Field, error.Message);
            }
        }

        return parameters;
    }

    /// <summary>The seed from a JSON string or integer, reported to <paramref name="v"/> under <paramref name="field"/> when missing or invalid.</summary>
    public static ForgeSeed? ParseSeed(Validation v, string field, JsonElement? seed)
    {
        ArgumentNullException.ThrowIfNull(v);
        try
        {
            switch (seed?.ValueKind)
            {
                case JsonValueKind.Number when seed.Value.TryGetInt64(out var number):
                    return ForgeSeed.FromInt64(number);
                case JsonValueKind.String when seed.Value.GetString() is { Length: > 0 } text:
                    return ForgeSeed.Parse(text);
                case null or JsonValueKind.Null or JsonValueKind.Undefined:
                    v.Add(field, "is required: a 64-bit integer or a non-empty string.");
                    return null;
                default:
                    v.Add(field, "must be a 64-bit integer or a non-empty string.");
                    return null;
            }
        }
        catch (ArgumentException e)
        {
            v.Add(field, e.Message);
            return null;
        }
    }

    /// <summary>The parameters as the camelCase JSON stored with a world (every field explicit).</summary>
    public static string ToJson(WorldParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return JsonSerializer.Serialize(From(p), JsonSerializerOptions.Web);
    }

    /// <summary>Reads parameters stored by <see cref="ToJson"/>.</summary>
    public static WorldParameters FromJson(string json)
    {
        var body = JsonSerializer.Deserialize<WorldParametersBody>(json, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("Stored parameters are empty.");
        var v = new Validation();
        var parameters = body.ToParameters(v);
        return v.Failed ? throw new InvalidOperationException("Stored parameters are invalid.") : parameters;
    }

    /// <summary>The body that gives <paramref name="p"/> back.</summary>
    public static WorldParametersBody From(WorldParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new WorldParametersBody
        {
            Width = p.Width,
            Height = p.Height,
            Preset = WorldPresetNames.ToName(p.Preset),
            SeaLevel = p.SeaLevel,
            Roughness = p.Roughness,
            TemperatureBias = p.TemperatureBias,
            MoistureBias = p.MoistureBias,
            SettlementDensity = p.SettlementDensity,
            FactionCount = p.FactionCount,
        };
    }

    /// <summary>A short label for logs and job stages, e.g. <c>256×256 continent</c>.</summary>
    public static string Label(WorldParameters p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Width}×{p.Height} {WorldPresetNames.ToName(p.Preset)}");
}
