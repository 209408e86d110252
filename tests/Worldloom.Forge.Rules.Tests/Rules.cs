using Worldloom.Forge.Core.Random;
using Worldloom.Forge.Core.World;

namespace Worldloom.Forge.Rules.Tests;

/// <summary>Runs a script's hook for one stage on a world, as the pipeline would after that stage.</summary>
internal static class Rules
{
    public static RuleObserver Observe(string script, RuleLimits? limits = null) => RuleScript.Compile(script, limits).CreateObserver();

    public static RuleObserver Run(string script, string stage, ForgeWorld world, RuleLimits? limits = null)
    {
        var observer = Observe(script, limits);
        Complete(observer, stage, world);
        return observer;
    }

    public static void Complete(RuleObserver observer, string stage, ForgeWorld world) =>
        observer.StageCompleted(0, 10, stage, world, ChaChaRng.ForStage(world.Seed.Bytes, "rules/" + stage));

    public static RuleScriptException Fails(string script, string stage, ForgeWorld world, RuleLimits? limits = null) =>
        Assert.Throws<RuleScriptException>(() => Run(script, stage, world, limits));

    public static string[] Lines(RuleObserver observer) => observer.Log.Select(l => l.Text).ToArray();
}
