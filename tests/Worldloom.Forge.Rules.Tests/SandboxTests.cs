using Worldloom.Forge.Tests.Overrides;

namespace Worldloom.Forge.Rules.Tests;

public sealed class SandboxTests
{
    private static readonly RuleLimits Quick = new() { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue };

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clr")]
    [InlineData("require")]
    [InlineData("module")]
    [InlineData("exports")]
    [InlineData("host")]
    [InlineData("process")]
    [InlineData("fetch")]
    [InlineData("setTimeout")]
    [InlineData("Date")]
    [InlineData("Temporal")]
    [InlineData("Intl")]
    [InlineData("WeakRef")]
    [InlineData("FinalizationRegistry")]
    [InlineData("ShadowRealm")]
    [InlineData("ArrayBuffer")]
    [InlineData("SharedArrayBuffer")]
    [InlineData("Uint8Array")]
    [InlineData("Float64Array")]
    [InlineData("DataView")]
    [InlineData("world")]
    [InlineData("rng")]
    public void Global_IsNotThere(string name)
    {
        var observer = Rules.Observe($"console.log(typeof {name}); console.log(typeof globalThis['{name}']);");

        Assert.Equal(["undefined", "undefined"], Rules.Lines(observer));
    }

    [Fact]
    public void Globals_ThatShouldBeThere_Are()
    {
        var observer = Rules.Observe("console.log(typeof Math, typeof JSON, typeof Map, typeof console.log, typeof Math.random);");

        Assert.Equal(["object object function function function"], Rules.Lines(observer));
    }

    [Theory]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    [InlineData("(function(){}).constructor('return 1')()")]
    [InlineData("Date.now()")]
    [InlineData("new Date()")]
    public void StringCompilationAndClock_Fail(string code)
    {
        var error = Assert.Throws<RuleScriptException>(() => Rules.Observe($"function onPois() {{ {code}; }}").StageCompleted(0, 1, "pois", TestWorld.Create(), Worldloom.Forge.Core.Random.ChaChaRng.ForStage([1], "rules/pois")));

        Assert.Equal((1, "pois"), (error.Line, error.Stage));
    }

    [Fact]
    public void MathRandom_AtTopLevel_Fails()
    {
        var error = Assert.Throws<RuleScriptException>(() => Rules.Observe("const r = Math.random();"));

        Assert.Contains("Math.random is only available inside a stage hook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_StopsAnEndlessHook()
    {
        var error = Rules.Fails("function onPois() { for (;;) {} }", "pois", TestWorld.Create(), Quick);

        Assert.Contains("ran longer than 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.Equal("pois", error.Stage);
    }

    [Fact]
    public void MaxStatements_StopsAnEndlessHook()
    {
        var error = Rules.Fails("function onPois() { let i = 0; for (;;) { i++; } }", "pois", TestWorld.Create(), new RuleLimits { MaxStatements = 10_000 });

        Assert.Contains("more than 10000 statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_CannotBeCaughtByTheScript()
    {
        var error = Rules.Fails("function onPois() { try { for (;;) {} } catch (e) { console.log('caught'); } }", "pois", TestWorld.Create(), new RuleLimits { MaxStatements = 10_000 });

        Assert.Contains("statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MemoryLimit_StopsAGrowingHook()
    {
        var error = Rules.Fails("function onPois() { const a = []; for (;;) { a.push('x'.repeat(1000) + a.length); } }", "pois", TestWorld.Create(), new RuleLimits { MemoryBytes = 4 * 1024 * 1024 });

        Assert.Contains("allocated more than 4194304 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MemoryLimit_HoldsForOneHugeRepeat()
    {
        var error = Rules.Fails("function onPois() {\n  return 'ab'.repeat(2 ** 28).length;\n}", "pois", TestWorld.Create());

        Assert.Contains("over the memory limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void GuardedRepeat_DoesNotResetTheStatementBudget()
    {
        var error = Rules.Fails("function onPois() { for (let i = 0; ; i++) { 'a'.repeat(2); } }", "pois", TestWorld.Create(), new RuleLimits { MaxStatements = 10_000 });

        Assert.Contains("statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeat_WithinTheLimit_StillWorks()
    {
        var observer = Rules.Observe("console.log('ab'.repeat(3), 'x'.repeat(0).length);");

        Assert.Equal(["ababab 0"], Rules.Lines(observer));
    }

    [Fact]
    public void MemoryLimit_IsNotSpentByCellReads()
    {
        // 65,536 cells, five reads each. The script's own counting allocates (Jint boxes numbers past its small-int
        // cache: up to 2 MB here), but reads that allocated even 8 bytes each would blow the 4 MiB budget.
        var observer = RuleScript.Compile("""
            function onHeightmap(world) {
              let land = 0, high = 0;
              for (let y = 0; y < world.height; y++) for (let x = 0; x < world.width; x++) {
                if (world.isLand(x, y)) land++;
                if (world.elevation(x, y) > 65000) high++;
                if (world.elevation(x, y) > 65000) high++;
                if (world.elevation(x, y) > 65000) high++;
                if (world.elevation(x, y) > 65000) high++;
              }
              console.log(land > 0);
            }
            """, new RuleLimits { MemoryBytes = 4 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(30) }).CreateObserver();

        Worldloom.Forge.Core.Pipeline.WorldPipeline.Generate(Worldloom.Forge.Core.World.ForgeSeed.Parse("7"), new Worldloom.Forge.Core.World.WorldParameters { Width = 256, Height = 256 }, observer);

        Assert.Equal(["true"], Rules.Lines(observer));
    }

    [Fact]
    public void Recursion_IsLimited()
    {
        var error = Rules.Fails("function down(n) { return down(n + 1); } function onPois() { down(0); }", "pois", TestWorld.Create(), new RuleLimits { MaxRecursion = 32 });

        Assert.Contains("deeper than 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recursion_WithinTheLimit_Works()
    {
        var world = TestWorld.Create();

        var observer = Rules.Run("function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); } function onPois() { console.log(depth(20)); }", "pois", world, new RuleLimits { MaxRecursion = 32 });

        Assert.Equal(["20"], Rules.Lines(observer));
    }

    [Fact]
    public void CatastrophicRegex_IsStoppedByTheTimeout()
    {
        var error = Rules.Fails("function onPois() { /(a+)+$/.test('a'.repeat(40) + 'b'); }", "pois", TestWorld.Create(), Quick);

        Assert.Contains("ran longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PromiseCallbacks_NeverRun()
    {
        var world = TestWorld.Create();
        var observer = Rules.Observe("function onRoads(world) { Promise.resolve().then(() => world.removeSettlement('settlement-1')); } function onPois(world) { console.log(world.settlements.length); }");

        Rules.Complete(observer, "roads", world);
        Rules.Complete(observer, "pois", world);

        Assert.Equal(6, world.Settlements.Count);
        Assert.Equal(["6"], Rules.Lines(observer));
    }
}
