using System.CommandLine;
using System.Globalization;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Forge;

/// <summary>
/// The options that shape a world, shared by <c>loom world generate</c> and <c>loom world batch</c>, and their
/// translation to <see cref="WorldParameters"/>. Every error names the option the user typed, not the API field.
/// </summary>
internal sealed class WorldOptions
{
    public Option<int?> Size { get; } = Int("--size", "Width and height in cells (64–4096); default 256");

    public Option<int?> Width { get; } = Int("--width", "Width in cells (64–4096), instead of --size");

    public Option<int?> Height { get; } = Int("--height", "Height in cells (64–4096), instead of --size");

    public Option<string> Preset { get; } = new("--preset")
    {
        Description = $"World shape: {string.Join(", ", WorldPresetNames.All)}",
        DefaultValueFactory = _ => WorldPresetNames.ToName(WorldPreset.Continent),
    };

    public Option<int?> SeaLevel { get; } = Int("--sea-level", "Share of the elevation range under water, 0–100; default 50");

    public Option<int?> Roughness { get; } = Int("--roughness", "Terrain roughness 0–100; default 50");

    public Option<int?> TemperatureBias { get; } = Int("--temperature-bias", "Colder (−100) to hotter (100); default 0");

    public Option<int?> MoistureBias { get; } = Int("--moisture-bias", "Drier (−100) to wetter (100); default 0");

    public Option<int?> SettlementDensity { get; } = Int("--settlement-density", "Settlement density 0–100; default 50");

    public Option<int?> Factions { get; } = Int("--factions", "Number of factions 1–32; default 4");

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Size, Width, Height, Preset, SeaLevel, Roughness, TemperatureBias, MoistureBias, SettlementDensity, Factions })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The parameters the options ask for, or null with every problem in <paramref name="errors"/> (each naming its option).</summary>
    public WorldParameters? Parameters(ParseResult result, List<string> errors)
    {
        var size = result.GetValue(Size);
        var width = result.GetValue(Width);
        var height = result.GetValue(Height);
        if (size is not null && (width is not null || height is not null))
        {
            errors.Add("--size: give either --size or --width and --height, not both.");
            return null;
        }

        var defaults = new WorldParameters();
        var presetName = result.GetValue(Preset);
        if (!WorldPresetNames.TryParse(presetName, out var preset))
        {
            errors.Add($"--preset: unknown preset '{presetName}'; expected one of {string.Join(", ", WorldPresetNames.All)}.");
        }

        var parameters = new WorldParameters
        {
            Width = size ?? width ?? defaults.Width,
            Height = size ?? height ?? defaults.Height,
            Preset = preset,
            SeaLevel = result.GetValue(SeaLevel) ?? defaults.SeaLevel,
            Roughness = result.GetValue(Roughness) ?? defaults.Roughness,
            TemperatureBias = result.GetValue(TemperatureBias) ?? defaults.TemperatureBias,
            MoistureBias = result.GetValue(MoistureBias) ?? defaults.MoistureBias,
            SettlementDensity = result.GetValue(SettlementDensity) ?? defaults.SettlementDensity,
            FactionCount = result.GetValue(Factions) ?? defaults.FactionCount,
        };
        foreach (var error in parameters.Validate())
        {
            // --size sets width and height, so one bad size would otherwise be reported twice.
            var message = $"{OptionFor(error.Field, size is not null)}: {error.Message}";
            if (!errors.Contains(message))
            {
                errors.Add(message);
            }
        }

        return errors.Count == 0 ? parameters : null;
    }

    private static string OptionFor(string field, bool sizeGiven) => field switch
    {
        "width" or "height" when sizeGiven => "--size",
        "width" => "--width",
        "height" => "--height",
        "seaLevel" => "--sea-level",
        "roughness" => "--roughness",
        "temperatureBias" => "--temperature-bias",
        "moistureBias" => "--moisture-bias",
        "settlementDensity" => "--settlement-density",
        "factionCount" => "--factions",
        "preset" => "--preset",
        _ => field,
    };

    // A whole-number option whose parse error names the option (System.CommandLine's own names the CLR type).
    private static Option<int?> Int(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 0 ? "" : r.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            r.AddError($"{name}: '{text}' is not a whole number.");
            return null;
        },
    };
}
