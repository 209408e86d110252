using System.Text;
using Acornima;
using Acornima.Ast;
using Jint;

namespace Worldloom.Forge.Rules;

/// <summary>
/// A user's JavaScript rules, parsed once. Each generation run takes its own <see cref="CreateObserver">observer</see>,
/// which runs the script's top level and then, after each pipeline stage, its <c>on&lt;Stage&gt;(world, rng)</c>
/// function if it has one. The sandbox and the script API are described in docs/forge.md under "Scripted rules".
/// Thread-safe: the parsed script is immutable and shared by observers.
/// </summary>
public sealed class RuleScript
{
    /// <summary>The name positions and messages give the script.</summary>
    public const string SourceName = "rules.js";

    private readonly Prepared<Script> _prepared;
    private readonly Prepared<Script>? _exposeLexicalHooks;

    private RuleScript(Prepared<Script> prepared, RuleLimits limits)
    {
        _prepared = prepared;
        _exposeLexicalHooks = ExposeLexicalHooks(prepared.Program!);
        Limits = limits;
    }

    /// <summary>The limits every observer of this script runs under.</summary>
    public RuleLimits Limits { get; }

    /// <summary>
    /// Parses <paramref name="source"/>. Throws <see cref="RuleScriptException"/> with the line and column of a syntax
    /// error, or when the script is longer than <see cref="RuleLimits.MaxSourceLength"/>; throws
    /// <see cref="ArgumentOutOfRangeException"/> for limits that are not positive.
    /// </summary>
    public static RuleScript Compile(string source, RuleLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        limits ??= RuleLimits.Default;
        limits.Validate();
        if (source.Length > limits.MaxSourceLength)
        {
            throw new RuleScriptException($"The script is {source.Length} characters long; the limit is {limits.MaxSourceLength}.");
        }

        try
        {
            return new RuleScript(Engine.PrepareScript(source, SourceName), limits);
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            throw new RuleScriptException($"SyntaxError: {parse.Description}", line: parse.LineNumber, column: parse.Column + 1, inner: e);
        }
        catch (ScriptPreparationException e)
        {
            throw new RuleScriptException(e.Message, inner: e);
        }
    }

    /// <summary>
    /// A fresh sandbox for one generation run: a new engine that has run the script's top level. Pass it as the
    /// pipeline's observer; use one per run, so no state of an earlier run leaks into the next. Throws
    /// <see cref="RuleScriptException"/> when the top level fails.
    /// </summary>
    public RuleObserver CreateObserver() => new(_prepared, _exposeLexicalHooks, Limits);

    /// <summary>
    /// The hook a stage calls: <c>on</c> and the stage name in PascalCase, split at any character that is not a letter
    /// or digit (<c>pois</c> → <c>onPois</c>, <c>sea_ice</c> → <c>onSeaIce</c>).
    /// </summary>
    public static string HookName(string stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var name = new StringBuilder("on");
        var upper = true;
        foreach (var c in stage)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }

    /// <summary>
    /// Hooks declared at the top level with <c>const</c> or <c>let</c> (<c>const onPois = (world) => ...</c>) live in the
    /// global lexical scope, which the host cannot read without evaluating code; this small script, run once after
    /// the top level, copies them onto the global object where <c>function</c> and <c>var</c> hooks already are.
    /// </summary>
    private static Prepared<Script>? ExposeLexicalHooks(Script program)
    {
        var names = new List<string>();
        foreach (var statement in program.Body)
        {
            if (statement is VariableDeclaration { Kind: not VariableDeclarationKind.Var } declaration)
            {
                foreach (var declarator in declaration.Declarations)
                {
                    if (declarator.Id is Identifier { Name: var name } && name.Length > 2 && name.StartsWith("on", StringComparison.Ordinal) && char.IsAsciiLetterUpper(name[2]))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        return names.Count == 0 ? null : Engine.PrepareScript(string.Concat(names.Select(name => $"globalThis.{name} = {name};")), SourceName);
    }
}
