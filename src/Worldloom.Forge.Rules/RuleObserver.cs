using System.Globalization;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.Pipeline;
using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Rules;

/// <summary>
/// One run of a <see cref="RuleScript"/>: a sandboxed engine that calls the script's hook after each stage and applies
/// its edits when the hook returns. A hook that throws, hits a limit or makes an edit the world rejects throws
/// <see cref="RuleScriptException"/> and leaves the world as the stage left it. Single-use and not thread-safe, like
/// the pipeline run it watches.
/// </summary>
public sealed class RuleObserver : IPipelineObserver
{
    // Globals a script never sees: the clock (Date, Temporal, and Intl, which formats "now"), garbage-collector
    // timing (WeakRef, FinalizationRegistry), a fresh realm with its own Date (ShadowRealm), and binary buffers,
    // whose constructors allocate gigabytes in one call before the memory limit is checked.
    private static readonly string[] RemovedGlobals =
    [
        "Date", "Temporal", "Intl", "WeakRef", "FinalizationRegistry", "ShadowRealm", "Atomics", "SharedArrayBuffer",
        "ArrayBuffer", "DataView", "TypedArray", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array",
        "BigUint64Array",
    ];

    private readonly Engine _engine;
    private readonly RuleLimits _limits;
    private readonly List<RuleLogLine> _log = [];
    private readonly List<RuleEdit> _edits = [];
    private HookContext? _hook;

    internal RuleObserver(Prepared<Script> script, Prepared<Script>? exposeLexicalHooks, RuleLimits limits)
    {
        _limits = limits;
        _engine = new Engine(options =>
        {
            // No AllowClr: scripts reach nothing of .NET beyond the objects built here.
            options.TimeoutInterval(limits.Timeout);
            options.LimitMemory(limits.MemoryBytes);
            options.MaxStatements(limits.MaxStatements);
            options.LimitRecursion(limits.MaxRecursion);
            options.RegexTimeoutInterval(limits.Timeout);
            options.DisableStringCompilation();
            options.Culture = CultureInfo.InvariantCulture;
            options.TimeZone = TimeZoneInfo.Utc;
        });

        foreach (var name in RemovedGlobals)
        {
            _engine.Global.RemoveOwnProperty(name);
        }

        var math = _engine.Global.Get("Math").AsObject();
        math.FastSetDataProperty("random", new ClrFunction(_engine, "random", (_, _) => ScriptRng.NextDouble(CurrentHook("Math.random").Rng)));
        ScriptStrings.GuardRepeat(_engine, limits);
        _engine.SetValue("console", ScriptConsole.Create(_engine, this));
        Run(null, () =>
        {
            _engine.Execute(script);
            if (exposeLexicalHooks is { } expose)
            {
                _engine.Execute(expose);
            }
        });
    }

    /// <summary>What the script logged, in order, at most <see cref="RuleLimits.MaxLogLines"/> lines.</summary>
    public IReadOnlyList<RuleLogLine> Log => _log;

    /// <summary>Log lines beyond <see cref="RuleLimits.MaxLogLines"/> that were not kept.</summary>
    public int DroppedLogLines { get; private set; }

    /// <summary>Every edit the script made and the world accepted, in the order applied.</summary>
    public IReadOnlyList<RuleEdit> Edits => _edits;

    /// <inheritdoc />
    public void StageStarting(int index, int count, string stage)
    {
    }

    /// <inheritdoc />
    public void StageCompleted(int index, int count, string stage, ForgeWorld world, ChaChaRng rulesRng)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rulesRng);
        var name = RuleScript.HookName(stage);

        // The own data property only: a getter would run script code here, outside any hook's limits.
        var property = _engine.Global.GetOwnProperty(name);
        if (property == PropertyDescriptor.Undefined)
        {
            return;
        }

        if (property.IsAccessorDescriptor() || property.Value is not Jint.Native.Function.Function function)
        {
            throw new RuleScriptException($"{name} is not a function.", stage);
        }

        var context = new HookContext(stage, world, rulesRng);
        _hook = context;
        try
        {
            var args = new JsValue[] { ScriptWorld.Create(_engine, context), ScriptRng.Create(_engine, context) };
            Run(stage, () => _engine.Invoke(function, JsValue.Undefined, args));
        }
        finally
        {
            _hook = null;
            context.Closed = true;
        }

        // The world changes only now that the hook has returned; every edit was checked when it was made.
        context.Batch.Commit();
        foreach (var edit in context.Accepted)
        {
            _edits.Add(new RuleEdit(stage, edit));
        }
    }

    /// <summary>The hook now running; throws a JavaScript error naming <paramref name="api"/> outside a hook.</summary>
    internal HookContext CurrentHook(string api) =>
        _hook ?? throw new JavaScriptException(_engine.Intrinsics.Error, $"{api} is only available inside a stage hook.");

    internal void AddLog(string text)
    {
        if (_log.Count >= _limits.MaxLogLines)
        {
            DroppedLogLines++;
            return;
        }

        if (text.Length > _limits.MaxLogLineLength)
        {
            text = string.Concat(text.AsSpan(0, _limits.MaxLogLineLength), "…");
        }

        _log.Add(new RuleLogLine(_hook?.Stage, text));
    }

    /// <summary>Runs script code, turning every way it can fail into a <see cref="RuleScriptException"/>.</summary>
    private void Run(string? stage, Action run)
    {
        try
        {
            run();
        }
        catch (JavaScriptException e)
        {
            var line = e.Location.Start.Line;
            throw new RuleScriptException(Describe(e), stage, line > 0 ? line : null, line > 0 ? e.Location.Start.Column + 1 : null, e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new RuleScriptException($"Limit: the script ran more than {_limits.MaxStatements} statements.", stage, inner: e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new RuleScriptException($"Limit: the script allocated more than {_limits.MemoryBytes} bytes.", stage, inner: e);
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new RuleScriptException($"Limit: the script nested calls deeper than {_limits.MaxRecursion}.", stage, inner: e);
        }
        catch (Exception e) when (e is TimeoutException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new RuleScriptException($"Limit: the script ran longer than {_limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", stage, inner: e);
        }
        catch (JintException e)
        {
            throw new RuleScriptException(e.Message, stage, inner: e);
        }
    }

    /// <summary>
    /// "TypeError: message" for errors, the value itself for anything else thrown. Reading them may run script code
    /// (a getter on a thrown object) after the hook's budget is spent; if that fails, the value is not described.
    /// </summary>
    private static string Describe(JavaScriptException e)
    {
        try
        {
            return e.Error is Jint.Native.Object.ObjectInstance error && error.Get("name") is JsString name && name.ToString().Length > 0
                ? $"{name}: {e.Message}"
                : e.Message;
        }
        catch (Exception inner) when (inner is JintException or TimeoutException)
        {
            return "The script threw a value that could not be described.";
        }
    }
}
