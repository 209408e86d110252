using System.Globalization;
using System.Text;
using Worldloom.Forge.Core.Documents;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// The Lua side: <c>settlement.script</c>, whose properties the collection sets per settlement, and
/// <c>settlements.lua</c>, every settlement's full record (names are text, which script properties cannot hold).
/// </summary>
internal static class DefoldScripts
{
    public static string SettlementScript() =>
        $$"""
        -- A Worldloom settlement. The collection sets these properties on each settlement's game object; the rest of
        -- its record (name, size, culture, cell) is in {{DefoldLayout.SettlementData}}, keyed by the same id hash.
        go.property("settlement_id", hash(""))
        go.property("faction", hash(""))
        go.property("population", 0)
        go.property("capital", false)

        local settlements = require("{{DefoldLayout.Module}}")

        function init(self)
            self.settlement = settlements.by_id[self.settlement_id]
        end

        """;

    public static string SettlementData(ExportSource source)
    {
        var lua = new StringBuilder();
        lua.Append(CultureInfo.InvariantCulture, $"-- Worldloom world {source.Hash}: its settlements in id order. x and y are world cells (y south).\n");
        lua.Append("local M = {}\n\nM.list = {\n");
        foreach (var s in source.World.Settlements)
        {
            lua.Append("    { id = ").Append(Quote(s.Id));
            lua.Append(", name = ").Append(Quote(s.Name));
            lua.Append(", size = ").Append(Quote(WorldDocument.SettlementSizeName(s.Size)));
            lua.Append(CultureInfo.InvariantCulture, $", population = {s.Population}");
            lua.Append(", culture = ").Append(Quote(s.Culture));
            lua.Append(", faction = ").Append(Quote(s.FactionId ?? ""));
            lua.Append(s.IsCapital ? ", capital = true" : ", capital = false");
            lua.Append(CultureInfo.InvariantCulture, $", x = {s.Location.X}, y = {s.Location.Y} }},\n");
        }

        lua.Append("}\n\n");
        lua.Append("-- By hash(id), the value of a settlement script's settlement_id property.\n");
        lua.Append("M.by_id = {}\n");
        lua.Append("for _, s in ipairs(M.list) do\n    M.by_id[hash(s.id)] = s\nend\n\n");
        lua.Append("return M\n");
        return lua.ToString();
    }

    // A Lua string literal: UTF-8 passes through; quotes, backslashes and control characters are escaped.
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (c < 0x20)
            {
                quoted.Append('\\').Append(((int)c).ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }
}
