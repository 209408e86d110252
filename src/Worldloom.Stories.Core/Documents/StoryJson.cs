using System.Buffers;
using System.Text.Json;
using Worldloom.Forge.Core.Canonical;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Documents;

/// <summary>
/// The pieces every Stories document shares: parsing with a size bound, enum and optional-list fields on top of
/// Forge's strict <see cref="JsonFields"/>, and canonical output through <see cref="CanonicalJsonWriter"/>.
/// </summary>
public static class StoryJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32 };

    /// <summary>The root of <paramref name="utf8"/>, or null after recording why it is no JSON (or too large).</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, int maxBytes, List<ParameterError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (utf8.Length > maxBytes)
        {
            errors.Add(new("", $"the document is {utf8.Length} bytes; at most {maxBytes}."));
            return null;
        }

        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            errors.Add(new("", $"not JSON: {e.Message}"));
            return null;
        }
    }

    /// <summary>
    /// Reads the root object of <paramref name="utf8"/> with <paramref name="read"/>; null, with every problem in
    /// <paramref name="errors"/>, when the text is no JSON, too large, not an object, or <paramref name="read"/> found
    /// problems.
    /// </summary>
    public static T? ReadRoot<T>(ReadOnlyMemory<byte> utf8, int maxBytes, out IReadOnlyList<ParameterError> errors, Func<JsonFields, List<ParameterError>, T?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var list = new List<ParameterError>();
        errors = list;
        using var document = Parse(utf8, maxBytes, list);
        if (document is null || JsonFields.Open(document.RootElement, "", list) is not { } root)
        {
            return null;
        }

        var result = read(root, list);
        return list.Count == 0 ? result : null;
    }

    /// <summary>Writes <paramref name="name"/> with <c>[{"colour":..,"item":..}]</c>, unless the list is empty.</summary>
    public static void Garments(CanonicalJsonWriter writer, string name, IReadOnlyList<Garment> garments)
    {
        if (garments.Count > 0)
        {
            Array(writer, name, garments, (w, garment) =>
            {
                w.StartObject();
                Field(w, "colour", garment.Colour);
                Field(w, "item", garment.Item);
                w.EndObject();
            });
        }
    }

    /// <summary>An optional array of garments; empty when missing.</summary>
    public static IReadOnlyList<Garment> OptionalGarments(JsonFields fields, string name, List<ParameterError> errors)
    {
        var garments = new List<Garment>();
        var items = OptionalArray(fields, name);
        for (var i = 0; i < items.Count; i++)
        {
            if (JsonFields.Open(items[i], $"{fields.PathOf(name)}[{i}]", errors) is { } garment)
            {
                garments.Add(new Garment(garment.String("item"), garment.String("colour")));
                garment.RejectUnknown();
            }
        }

        return garments;
    }

    /// <summary>The canonical bytes <paramref name="write"/> produces.</summary>
    public static byte[] Write(Action<CanonicalJsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        write(new CanonicalJsonWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A required enum field given by its wire name.</summary>
    public static T Enum<T>(JsonFields fields, string name, WireNames<T> names)
        where T : struct, System.Enum => EnumValue(fields, fields.Required(name), fields.PathOf(name), names);

    /// <summary>An optional enum field; <paramref name="absent"/> when missing.</summary>
    public static T OptionalEnum<T>(JsonFields fields, string name, WireNames<T> names, T absent)
        where T : struct, System.Enum =>
        fields.Optional(name) is { } value ? EnumValue(fields, value, fields.PathOf(name), names) : absent;

    /// <summary>An optional array of strings; empty when missing.</summary>
    public static IReadOnlyList<string> OptionalStrings(JsonFields fields, string name)
    {
        if (fields.Optional(name) is not { } value)
        {
            return [];
        }

        var items = fields.AsArray(value, fields.PathOf(name));
        return [.. items.Select((item, i) => fields.AsString(item, $"{fields.PathOf(name)}[{i}]"))];
    }

    /// <summary>An optional object of string values, keys in ordinal order; empty when missing.</summary>
    public static IReadOnlyDictionary<string, string> OptionalMap(JsonFields fields, string name)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (fields.Optional(name) is not { } value || fields.OptionalObject(name) is not { } inner)
        {
            return map;
        }

        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = inner.String(property.Name);
        }

        return map;
    }

    /// <summary>The items of an optional array; empty when missing.</summary>
    public static IReadOnlyList<JsonElement> OptionalArray(JsonFields fields, string name) =>
        fields.Optional(name) is { } value ? fields.AsArray(value, fields.PathOf(name)) : [];

    /// <summary>Writes <paramref name="name"/> with an array of <paramref name="items"/>, each by <paramref name="write"/> (even when empty).</summary>
    public static void Array<T>(CanonicalJsonWriter writer, string name, IEnumerable<T> items, Action<CanonicalJsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        writer.Name(name);
        writer.StartArray();
        foreach (var item in items)
        {
            write(writer, item);
        }

        writer.EndArray();
    }

    /// <summary>Writes <paramref name="name"/> with a string array, unless the list is empty (the canonical form omits it).</summary>
    public static void Strings(CanonicalJsonWriter writer, string name, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            Array(writer, name, items, (w, item) => w.String(item));
        }
    }

    /// <summary>Writes <paramref name="name"/> with an object of strings in ordinal key order, unless it is empty.</summary>
    public static void Map(CanonicalJsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        writer.Name(name);
        writer.StartObject();
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            writer.Name(key);
            writer.String(map[key]);
        }

        writer.EndObject();
    }

    /// <summary>Writes a string field.</summary>
    public static void Field(CanonicalJsonWriter writer, string name, string value)
    {
        writer.Name(name);
        writer.String(value);
    }

    /// <summary>Writes an integer field.</summary>
    public static void Field(CanonicalJsonWriter writer, string name, long value)
    {
        writer.Name(name);
        writer.Integer(value);
    }

    private static T EnumValue<T>(JsonFields fields, JsonElement? value, string path, WireNames<T> names)
        where T : struct, System.Enum
    {
        if (value is not { } element)
        {
            return default;
        }

        var text = fields.AsString(element, path);
        if (names.TryParse(text, out var parsed))
        {
            return parsed;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            fields.Fail(path, $"unknown value \"{text}\"; expected {names.Describe()}.");
        }

        return default;
    }
}
