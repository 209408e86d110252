using Worldloom.Forge.Tests.Overrides;

namespace Worldloom.Forge.Rules.Tests;

public sealed class RuleScriptTests
{
    [Fact]
    public void Compile_SyntaxError_GivesLineAndColumn()
    {
        var error = Assert.Throws<RuleScriptException>(() => RuleScript.Compile("function onPois(world) {\n  let x = ;\n}"));

        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Null(error.Stage);
        Assert.StartsWith("rules.js:2:11: SyntaxError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TooLong_IsRejected()
    {
        var error = Assert.Throws<RuleScriptException>(() => RuleScript.Compile(new string(' ', 101), new RuleLimits { MaxSourceLength = 100 }));

        Assert.Contains("limit is 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_LimitsNotPositive_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleScript.Compile("", new RuleLimits { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleScript.Compile("", new RuleLimits { MemoryBytes = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleScript.Compile("", new RuleLimits { MaxStatements = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleScript.Compile("", new RuleLimits { MaxRecursion = 0 }));
    }

    [Theory]
    [InlineData("heightmap", "onHeightmap")]
    [InlineData("pois", "onPois")]
    [InlineData("npcs", "onNpcs")]
    [InlineData("sea_ice", "onSeaIce")]
    [InlineData("rules/biomes", "onRulesBiomes")]
    public void HookName_IsOnAndPascalCase(string stage, string hook) => Assert.Equal(hook, RuleScript.HookName(stage));

    [Fact]
    public void TopLevelError_FailsCreatingTheObserver_WithItsLine()
    {
        var script = RuleScript.Compile("let a = 1;\n\nnotDefined();");

        var error = Assert.Throws<RuleScriptException>(script.CreateObserver);

        Assert.Equal((3, 1, (string?)null), (error.Line, error.Column, error.Stage));
        Assert.Contains("ReferenceError: notDefined is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_Missing_DoesNothing()
    {
        var world = TestWorld.Create();
        var before = TestWorld.Dump(world);

        var observer = Rules.Run("function onNpcs(world) { world.removeSettlement('settlement-1'); }", "pois", world);

        Assert.Equal(before, TestWorld.Dump(world));
        Assert.Empty(observer.Edits);
    }

    [Theory]
    [InlineData("function onPois(world) { console.log('function'); }")]
    [InlineData("var onPois = function (world) { console.log('function'); };")]
    [InlineData("const onPois = (world) => console.log('function');")]
    [InlineData("let onPois = (world) => console.log('function'), other = 1;")]
    public void Hook_AnyDeclaration_IsFound(string script)
    {
        var observer = Rules.Run(script, "pois", TestWorld.Create());

        Assert.Equal(["function"], Rules.Lines(observer));
    }

    [Fact]
    public void Hook_AsAGetter_FailsWithoutRunningIt()
    {
        var observer = Rules.Observe("let ran = false; Object.defineProperty(globalThis, 'onPois', { get() { ran = true; return () => {}; } }); function onNpcs() { console.log(ran); }");

        Assert.Throws<RuleScriptException>(() => Rules.Complete(observer, "pois", TestWorld.Create()));
        Rules.Complete(observer, "npcs", TestWorld.Create());

        Assert.Equal(["false"], Rules.Lines(observer));
    }

    [Fact]
    public void Hook_NotAFunction_Fails()
    {
        var error = Rules.Fails("var onPois = 5;", "pois", TestWorld.Create());

        Assert.Equal("pois", error.Stage);
        Assert.Contains("onPois is not a function", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_ReturnValue_IsIgnored()
    {
        var world = TestWorld.Create();
        var before = TestWorld.Dump(world);

        Rules.Run("function onPois(world) { return { settlements: [] }; }", "pois", world);

        Assert.Equal(before, TestWorld.Dump(world));
    }

    [Fact]
    public void State_PersistsFromTopLevelAcrossHooks()
    {
        var observer = Rules.Observe("let calls = 0; console.log('start'); function onRoads() { calls++; console.log('roads ' + calls); } function onPois() { calls++; console.log('pois ' + calls); }");
        var world = TestWorld.Create();

        Rules.Complete(observer, "roads", world);
        Rules.Complete(observer, "pois", world);

        Assert.Equal(["start", "[roads] roads 1", "[pois] pois 2"], observer.Log.Select(l => l.ToString()));
        Assert.Equal([null, "roads", "pois"], observer.Log.Select(l => l.Stage));
    }

    [Fact]
    public void ConsoleLog_FormatsValues_AndIsBounded()
    {
        var observer = Rules.Observe(
            "console.log('a', 1, 2.5, true, null, undefined, {b: [1, 'x']}, [3]);\nfor (let i = 0; i < 5; i++) console.log('line ' + i);\nconsole.log('x'.repeat(50));",
            new RuleLimits { MaxLogLines = 4, MaxLogLineLength = 10 });

        Assert.Equal(["a 1 2.5 tr…", "line 0", "line 1", "line 2"], Rules.Lines(observer));
        Assert.Equal(3, observer.DroppedLogLines);
    }

    [Fact]
    public void ConsoleLog_ObjectsAsJson()
    {
        var observer = Rules.Observe("console.log('a', 1, true, null, {b: [1, 'x']}, [3]);");

        Assert.Equal(["a 1 true null {\"b\":[1,\"x\"]} [3]"], Rules.Lines(observer));
    }

    [Fact]
    public void ConsoleLog_CyclicObject_FallsBackToItsStringForm()
    {
        var observer = Rules.Observe("const a = {}; a.self = a; console.log(a, 'after');");

        Assert.Equal(["[object Object] after"], Rules.Lines(observer));
    }

    [Fact]
    public void ThrownValueWithAnEndlessNameGetter_StillFailsAsARuleError()
    {
        var error = Rules.Fails(
            "function onPois() { const e = new Error('x'); Object.defineProperty(e, 'name', { get() { for (;;) {} } }); throw e; }",
            "pois",
            TestWorld.Create(),
            new RuleLimits { MaxStatements = 10_000 });

        Assert.Equal("pois", error.Stage);
    }
}
