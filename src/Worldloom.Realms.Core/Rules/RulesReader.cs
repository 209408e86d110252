using System.Text.Json;

namespace Worldloom.Realms.Core.Rules;

/// <summary>Reads one JSON object of the rules file, naming the path of any value it rejects.</summary>
internal readonly struct RulesReader
{
    private const int MillisecondsPerTick = 1000 / 20;

    private readonly JsonElement _element;

    public RulesReader(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RealmRulesException(path, "must be an object.");
        }

        _element = element;
        Path = path;
    }

    public string Path { get; }

    public RulesReader Object(string name) => new(Required(name), $"{Path}.{name}");

    public int Int(string name, int min, int max)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new RealmRulesException($"{Path}.{name}", "must be an integer.");
        }

        if (number < min || number > max)
        {
            throw new RealmRulesException($"{Path}.{name}", $"must be between {min} and {max}, not {number}.");
        }

        return number;
    }

    public int IntOr(string name, int fallback, int min, int max) => _element.TryGetProperty(name, out _) ? Int(name, min, max) : fallback;

    /// <summary>A duration in milliseconds, returned in ticks; it must be a whole number of ticks.</summary>
    public int Ticks(string name, int minMs, int maxMs)
    {
        var ms = Int(name, minMs, maxMs);
        if (ms % MillisecondsPerTick != 0)
        {
            throw new RealmRulesException($"{Path}.{name}", $"must be a multiple of {MillisecondsPerTick} ms (one tick), not {ms}.");
        }

        return ms / MillisecondsPerTick;
    }

    public int TicksOr(string name, int minMs, int maxMs) => _element.TryGetProperty(name, out _) ? Ticks(name, minMs, maxMs) : 0;

    public string String(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new RealmRulesException($"{Path}.{name}", "must be a non-empty string.");
        }

        return value.GetString()!;
    }

    public bool Bool(string name)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RealmRulesException($"{Path}.{name}", "must be true or false."),
        };
    }

    /// <summary>The elements of an array property, each with its path.</summary>
    public List<(JsonElement Element, string Path)> Array(string name, bool allowEmpty = false)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new RealmRulesException($"{Path}.{name}", "must be an array.");
        }

        var items = new List<(JsonElement, string)>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add((item, $"{Path}.{name}[{i++}]"));
        }

        if (items.Count == 0 && !allowEmpty)
        {
            throw new RealmRulesException($"{Path}.{name}", "must not be empty.");
        }

        return items;
    }

    public List<string> Strings(string name)
    {
        var strings = new List<string>();
        foreach (var (element, path) in Array(name, allowEmpty: true))
        {
            if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
            {
                throw new RealmRulesException(path, "must be a non-empty string.");
            }

            strings.Add(element.GetString()!);
        }

        return strings;
    }

    private JsonElement Required(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw new RealmRulesException($"{Path}.{name}", "is missing.");
}
