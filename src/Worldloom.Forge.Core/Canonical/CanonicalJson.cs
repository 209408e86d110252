using System.Buffers;
using System.Text.Json;

namespace Worldloom.Forge.Core.Canonical;

/// <summary>Canonical (RFC 8785 subset) forms of arbitrary JSON, for inputs that arrive as text: hashing a request body, comparing documents.</summary>
public static class CanonicalJson
{
    /// <summary>
    /// The canonical bytes of <paramref name="element"/>: keys sorted, no whitespace, minimal escaping. Throws
    /// <see cref="FormatException"/> for a fraction or exponent, an integer beyond ±(2^53 − 1), or a key that appears
    /// twice in one object (JCS leaves duplicates undefined; a world never has them).
    /// </summary>
    public static byte[] Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(new CanonicalJsonWriter(buffer), element, "$");
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="element"/> canonically into <paramref name="writer"/>; see <see cref="Canonicalize"/>.</summary>
    public static void Write(CanonicalJsonWriter writer, JsonElement element) => Write(writer, element, "$");

    private static void Write(CanonicalJsonWriter writer, JsonElement element, string path)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var property in element.EnumerateObject())
                {
                    properties.Add(property);
                }

                properties.Sort((a, b) => CanonicalJsonWriter.KeyComparer.Compare(a.Name, b.Name));
                writer.StartObject();
                for (var i = 0; i < properties.Count; i++)
                {
                    if (i > 0 && properties[i].Name == properties[i - 1].Name)
                    {
                        throw new FormatException($"{path}: key \"{properties[i].Name}\" appears twice.");
                    }

                    writer.Name(properties[i].Name);
                    Write(writer, properties[i].Value, path + "." + properties[i].Name);
                }

                writer.EndObject();
                break;
            case JsonValueKind.Array:
                writer.StartArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, $"{path}[{index++}]");
                }

                writer.EndArray();
                break;
            case JsonValueKind.String:
                writer.String(element.GetString()!);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetInt64(out var value) || value is > CanonicalJsonWriter.MaxSafeInteger or < -CanonicalJsonWriter.MaxSafeInteger)
                {
                    throw new FormatException($"{path}: {element.GetRawText()} is not an integer within ±(2^53 − 1); canonical world JSON has no fractions.");
                }

                writer.Integer(value);
                break;
            case JsonValueKind.True:
                writer.Boolean(true);
                break;
            case JsonValueKind.False:
                writer.Boolean(false);
                break;
            case JsonValueKind.Null:
                writer.Null();
                break;
            default:
                throw new FormatException($"{path}: no JSON value.");
        }
    }
}
