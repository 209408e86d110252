using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Worldloom.Forge.Rules;

/// <summary>
/// Jint checks the memory limit between statements and inside most built-ins, but <c>String.prototype.repeat</c> builds
/// its whole result in one allocation first: <c>'x'.repeat(2 ** 29)</c> would take a gigabyte before any check. The
/// guard refuses results longer than the memory limit allows (two bytes per UTF-16 unit).
/// </summary>
internal static class ScriptStrings
{
    public static void GuardRepeat(Engine engine, RuleLimits limits)
    {
        var prototype = engine.Global.Get("String").AsObject().Get("prototype").AsObject();
        var repeat = prototype.Get("repeat");
        var maxLength = limits.MemoryBytes / 2;
        prototype.FastSetDataProperty("repeat", new ClrFunction(engine, "repeat", (thisObject, args) =>
        {
            var text = TypeConverter.ToString(thisObject);
            var count = args.Length > 0 ? TypeConverter.ToNumber(args[0]) : 0;
            if (count > 0 && text.Length * count > maxLength)
            {
                throw ScriptValues.RangeError(engine, $"repeat: a string of {text.Length * count} characters is over the memory limit.");
            }

            return engine.Call(repeat, thisObject, args);
        }));
    }
}
