using System.Text.Json;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Core.Documents;

/// <summary>
/// Strict reading of one JSON object: every field typed, each key once, no key left unread. Failures name the JSON
/// path. With an error list it records failures and returns defaults (so an API can report every bad field at once);
/// without one it throws <see cref="WorldDocumentException"/> at the first. Public so other pure cores (Stories) read
/// their documents with the same strictness and the same error shape.
/// </summary>
public sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly List<ParameterError>? _errors;

    private JsonFields(string path, Dictionary<string, JsonElement> values, List<ParameterError>? errors)
    {
        Path = path;
        _values = values;
        _errors = errors;
    }

    /// <summary>The object's own path.</summary>
    public string Path { get; }

    /// <summary>The fields of the object at <paramref name="path"/>, or null (after recording the error) when it is not an object.</summary>
    public static JsonFields? Open(JsonElement element, string path, List<ParameterError>? errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Fail(errors, path, $"expected an object, found {Describe(element)}.");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!values.TryAdd(property.Name, property.Value))
            {
                Fail(errors, Join(path, property.Name), "the key appears twice.");
                return null;
            }
        }

        return new JsonFields(path, values, errors);
    }

    /// <summary>The path of field <paramref name="name"/>.</summary>
    public string PathOf(string name) => Join(Path, name);

    /// <summary>Whether <paramref name="name"/> is present and not null.</summary>
    public bool Has(string name) => _values.TryGetValue(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value of a required field, or null after recording that it is missing.</summary>
    public JsonElement? Required(string name)
    {
        _read.Add(name);
        if (_values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        Fail(PathOf(name), "missing.");
        return null;
    }

    /// <summary>The raw value of an optional field; null when absent or JSON null.</summary>
    public JsonElement? Optional(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>A required string.</summary>
    public string String(string name) => Required(name) is { } v ? AsString(v, PathOf(name)) : "";

    /// <summary>An optional string (absent or null gives null).</summary>
    public string? OptionalString(string name) => Optional(name) is { } v ? AsString(v, PathOf(name)) : null;

    /// <summary>A required integer within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int Int(string name, int min = int.MinValue, int max = int.MaxValue) =>
        Required(name) is { } v ? AsInt(v, PathOf(name), min, max) : min;

    /// <summary>A required boolean.</summary>
    public bool Bool(string name)
    {
        if (Required(name) is not { } v)
        {
            return false;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Fail(PathOf(name), $"expected true or false, found {Describe(v)}.");
        return false;
    }

    /// <summary>A required nested object, or null after recording the error.</summary>
    public JsonFields? Object(string name) => Required(name) is { } v ? Open(v, PathOf(name), _errors) : null;

    /// <summary>An optional nested object: null when absent or JSON null, or (after recording the error) not an object.</summary>
    public JsonFields? OptionalObject(string name) => Optional(name) is { } v ? Open(v, PathOf(name), _errors) : null;

    /// <summary>A required array's items, empty after recording the error.</summary>
    public IReadOnlyList<JsonElement> Array(string name) => Required(name) is { } v ? AsArray(v, PathOf(name)) : [];

    /// <summary>A required array of strings.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var items = Array(name);
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = AsString(items[i], $"{PathOf(name)}[{i}]");
        }

        return result;
    }

    /// <summary>A required point <c>{"x":..,"y":..}</c> inside a <paramref name="width"/> × <paramref name="height"/> map.</summary>
    public GridPoint Point(string name, int width, int height)
    {
        var point = Object(name);
        if (point is null)
        {
            return default;
        }

        var result = new GridPoint(point.Int("x", 0, width - 1), point.Int("y", 0, height - 1));
        point.RejectUnknown();
        return result;
    }

    /// <summary>A required biome given by its wire name.</summary>
    public Biome Biome(string name) => Required(name) is { } v ? AsBiome(v, PathOf(name)) : default;

    /// <summary>Records an error for every key that no accessor asked for (typos must not pass silently).</summary>
    public void RejectUnknown()
    {
        foreach (var key in _values.Keys.Order(StringComparer.Ordinal))
        {
            if (!_read.Contains(key))
            {
                Fail(PathOf(key), "unknown field.");
            }
        }
    }

    /// <summary>Records or throws an error at <paramref name="path"/>.</summary>
    public void Fail(string path, string message) => Fail(_errors, path, message);

    /// <summary>The string value at <paramref name="path"/>.</summary>
    public string AsString(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return value.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") is valid JSON but has no UTF-8 form, so no canonical one either.
                Fail(path, "not valid Unicode text (unpaired surrogate).");
                return "";
            }
        }

        Fail(path, $"expected a string, found {Describe(value)}.");
        return "";
    }

    /// <summary>The integer value at <paramref name="path"/>, within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public int AsInt(JsonElement value, string path, int min = int.MinValue, int max = int.MaxValue)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Fail(path, $"expected an integer, found {Describe(value)}.");
            return min;
        }

        if (number < min || number > max)
        {
            Fail(path, $"must be between {min} and {max}; got {number}.");
            return min;
        }

        return (int)number;
    }

    /// <summary>The biome named by the string at <paramref name="path"/>.</summary>
    public Biome AsBiome(JsonElement value, string path)
    {
        var text = AsString(value, path);
        if (value.ValueKind != JsonValueKind.String)
        {
            return default;
        }

        if (!BiomeNames.TryParse(text, out var biome))
        {
            Fail(path, $"unknown biome \"{text}\"; expected one of {string.Join(", ", BiomeNames.All)}.");
        }

        return biome;
    }

    /// <summary>The items of the array at <paramref name="path"/>.</summary>
    public IReadOnlyList<JsonElement> AsArray(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var items = new List<JsonElement>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                items.Add(item);
            }

            return items;
        }

        Fail(path, $"expected an array, found {Describe(value)}.");
        return [];
    }

    /// <summary>A short description of what a value is, for messages.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary><paramref name="path"/>.<paramref name="name"/>, or just the name at the root.</summary>
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static void Fail(List<ParameterError>? errors, string path, string message)
    {
        if (errors is null)
        {
            throw new WorldDocumentException(path, message);
        }

        errors.Add(new ParameterError(path, message));
    }
}
