using System.Text.Json.Nodes;
using Worldloom.Realms.Core.Rules;

namespace Worldloom.Realms.Core.Tests.Simulation;

/// <summary>Variants of the shipped rules for tests.</summary>
internal static class TestRules
{
    /// <summary>Enemies that never notice a player by sight (only when hurt), so skill tests control who moves.</summary>
    public static readonly RealmRules Passive = Edit(n =>
    {
        foreach (var a in n["archetypes"]!.AsArray())
        {
            a!["aggroPercent"] = 0;
        }
    });

    public static string DefaultJson()
    {
        using var stream = typeof(RealmRules).Assembly.GetManifestResourceStream("Worldloom.Realms.Core.Data.realm.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    public static RealmRules Edit(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(DefaultJson())!;
        edit(node);
        return RealmRules.Parse(node.ToJsonString());
    }
}
