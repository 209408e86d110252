using Jint;
using Jint.Native;
using Jint.Runtime.Interop;
using Worldloom.Forge.Core.Random;
using static Worldloom.Forge.Rules.ScriptValues;

namespace Worldloom.Forge.Rules;

/// <summary>
/// The script's <c>rng</c>, drawing from the stage's own rules stream (<c>rules/&lt;stage&gt;</c>), which
/// <c>Math.random</c> shares; so the same seed and script draw the same numbers on every machine.
/// </summary>
internal static class ScriptRng
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    public static JsObject Create(Engine engine, HookContext hook)
    {
        var rng = hook.Rng;
        return Object(engine,
            ("next", new ClrFunction(engine, "next", (_, _) =>
            {
                hook.EnsureOpen(engine, "rng");
                return NextDouble(rng);
            })),
            ("int", new ClrFunction(engine, "int", (_, args) =>
            {
                hook.EnsureOpen(engine, "rng");
                var max = Int(engine, Arg(args, 0), "rng.int(max): max");
                return max > 0 ? JsNumber.Create(rng.NextInt(max)) : throw RangeError(engine, $"rng.int(max): max must be at least 1; got {max}.");
            })),
            ("range", new ClrFunction(engine, "range", (_, args) =>
            {
                hook.EnsureOpen(engine, "rng");
                var min = Int(engine, Arg(args, 0), "rng.range(min, maxExclusive): min");
                var max = Int(engine, Arg(args, 1), "rng.range(min, maxExclusive): maxExclusive");
                if (max <= min || (long)max - min > int.MaxValue)
                {
                    throw RangeError(engine, $"rng.range(min, maxExclusive): need min < maxExclusive within 2^31 of each other; got {min}, {max}.");
                }

                return JsNumber.Create(min + rng.NextInt(max - min));
            })),
            ("pick", new ClrFunction(engine, "pick", (_, args) =>
            {
                hook.EnsureOpen(engine, "rng");
                var list = Arg(args, 0);
                if (!list.IsArray() || list.AsArray().Length == 0)
                {
                    throw TypeError(engine, "rng.pick(array): array must be a non-empty array.");
                }

                var array = list.AsArray();
                if (array.Length > int.MaxValue)
                {
                    throw RangeError(engine, "rng.pick(array): the array is too long.");
                }

                return array[(uint)rng.NextInt((int)array.Length)];
            })));
    }

    /// <summary>A double in [0, 1) from the top 53 bits of the next 64, so every value is a multiple of 2^−53.</summary>
    public static JsValue NextDouble(ChaChaRng rng) => JsNumber.Create((rng.NextUInt64() >> 11) * TwoToMinus53);
}
