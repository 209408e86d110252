using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Worldloom.Forge.Rules;

/// <summary>The script's <c>console</c>: only <c>log</c>, captured into the observer's bounded log.</summary>
internal static class ScriptConsole
{
    public static JsObject Create(Engine engine, RuleObserver observer)
    {
        var console = new JsObject(engine);
        console.FastSetDataProperty("log", new ClrFunction(engine, "log", (_, args) =>
        {
            observer.AddLog(string.Join(' ', args.Select(arg => Format(engine, arg))));
            return JsValue.Undefined;
        }));
        return console;
    }

    private static string Format(Engine engine, JsValue value)
    {
        if (value.IsString())
        {
            return value.AsString();
        }

        if (value.IsObject() && value is not Jint.Native.Function.Function)
        {
            try
            {
                var json = new JsonSerializer(engine).Serialize(value);
                if (json.IsString())
                {
                    return json.AsString();
                }
            }
            catch (JavaScriptException)
            {
                // Not JSON-able (a cycle, a BigInt): fall back to its string form below.
            }
        }

        return TypeConverter.ToString(value);
    }
}
