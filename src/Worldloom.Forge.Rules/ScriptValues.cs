using Jint;
using Jint.Native;
using Jint.Runtime;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Rules;

/// <summary>Strict conversions between script values and world values: a wrong type is a TypeError, never a guess.</summary>
internal static class ScriptValues
{
    public static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    public static int Int(Engine engine, JsValue value, string what)
    {
        if (value.IsNumber())
        {
            var number = value.AsNumber();
            if (number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
            {
                return (int)number;
            }
        }

        throw TypeError(engine, $"{what} must be an integer; got {Show(value)}.");
    }

    public static string String(Engine engine, JsValue value, string what) =>
        value.IsString() ? value.AsString() : throw TypeError(engine, $"{what} must be a string; got {Show(value)}.");

    public static string? OptionalString(Engine engine, JsValue value, string what) =>
        (value.IsNull() || value.IsUndefined()) ? null : String(engine, value, what);

    public static Biome Biome(Engine engine, JsValue value, string what)
    {
        var name = String(engine, value, what);
        return BiomeNames.TryParse(name, out var biome)
            ? biome
            : throw TypeError(engine, $"{what} must be a biome name ({string.Join(", ", BiomeNames.All)}); got '{name}'.");
    }

    public static string[] Strings(Engine engine, JsValue value, string what)
    {
        if (!value.IsArray())
        {
            throw TypeError(engine, $"{what} must be an array of strings; got {Show(value)}.");
        }

        var array = value.AsArray();
        var length = array.Length;
        var items = new string[length];
        for (uint i = 0; i < length; i++)
        {
            items[i] = String(engine, array[i], $"{what}[{i}]");
        }

        return items;
    }

    public static JavaScriptException TypeError(Engine engine, string message) => new(engine.Intrinsics.TypeError, message);

    // Jint exposes only Error and TypeError as intrinsics; an out-of-range value is a plain Error whose message says so.
    public static JavaScriptException RangeError(Engine engine, string message) => new(engine.Intrinsics.Error, message);

    public static JsValue Text(string? text) => text is null ? JsValue.Null : new JsString(text);

    public static JsValue Bool(bool value) => value ? JsBoolean.True : JsBoolean.False;

    public static JsArray Array(Engine engine, IEnumerable<JsValue> items) => new(engine, items.ToArray());

    public static JsObject Object(Engine engine, params ReadOnlySpan<(string Key, JsValue Value)> properties)
    {
        var result = new JsObject(engine);
        foreach (var (key, value) in properties)
        {
            result.FastSetDataProperty(key, value);
        }

        return result;
    }

    private static string Show(JsValue value) =>
        value.IsString() ? $"'{value.AsString()}'" : value.IsObject() ? (value.IsArray() ? "an array" : "an object") : TypeConverter.ToString(value);
}
