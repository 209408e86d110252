namespace Worldloom.Forge.Export.Engines.Roblox;

/// <summary>
/// The <c>BuildTerrain</c> ModuleScript's source: a function that fills <c>workspace.Terrain</c> from
/// <c>TerrainData</c>, one <c>FillBlock</c> column per sample in its biome's material, reaching down below its lowest
/// neighbour so slopes have no holes, with water from the sea floor up to sea level.
/// </summary>
internal static class RobloxTerrainBuilder
{
    public const string Source = """
        -- Builds Roblox terrain from the TerrainData module next to this one. In Studio's command bar run
        --     require(workspace["<model name>"].BuildTerrain)()
        -- or pass an origin to move it:  require(...)(Vector3.new(x, y, z)). A 256 x 256 world takes a minute or two;
        -- Studio stays responsive because the loop yields every few rows. Parts in Settlements and PointsOfInterest
        -- already stand on the tops this builds.
        local data = require(script.Parent.TerrainData)

        -- Biome name -> terrain material for the ground; the sea biomes get water above their bed.
        local MATERIALS = {
        	ocean = Enum.Material.Sand,
        	shallow_sea = Enum.Material.Sand,
        	sea_ice = Enum.Material.Sand,
        	beach = Enum.Material.Sand,
        	snow = Enum.Material.Snow,
        	tundra = Enum.Material.Ground,
        	taiga = Enum.Material.LeafyGrass,
        	grassland = Enum.Material.Grass,
        	shrubland = Enum.Material.Ground,
        	temperate_forest = Enum.Material.LeafyGrass,
        	temperate_rainforest = Enum.Material.LeafyGrass,
        	desert = Enum.Material.Sand,
        	savanna = Enum.Material.Grass,
        	tropical_forest = Enum.Material.LeafyGrass,
        	tropical_rainforest = Enum.Material.Mud,
        	wetland = Enum.Material.Mud,
        	alpine = Enum.Material.Rock,
        }

        -- Ground reaches this far below the lowest neighbouring top, so cliffs are solid.
        local SKIRT = 4

        local function decodeTops()
        	local index = {}
        	for i = 1, #data.alphabet do
        		index[string.byte(data.alphabet, i)] = i - 1
        	end
        	local tops = table.create(data.width * data.height)
        	for row = 1, data.height do
        		local line = data.heights[row]
        		for column = 1, data.width do
        			local high = index[string.byte(line, column * 2 - 1)]
        			local low = index[string.byte(line, column * 2)]
        			local elevation = (high * 64 + low) * 16
        			tops[(row - 1) * data.width + column] = (elevation - data.seaLevel) / data.unitsPerStud
        		end
        	end
        	return tops
        end

        return function(origin)
        	origin = origin or Vector3.zero
        	local terrain = workspace.Terrain
        	local tops = decodeTops()
        	local w, h, size = data.width, data.height, data.cellStuds
        	for row = 1, h do
        		local biomes = data.biomes[row]
        		for column = 1, w do
        			local top = tops[(row - 1) * w + column]
        			local lowest = top
        			if column > 1 then lowest = math.min(lowest, tops[(row - 1) * w + column - 1]) end
        			if column < w then lowest = math.min(lowest, tops[(row - 1) * w + column + 1]) end
        			if row > 1 then lowest = math.min(lowest, tops[(row - 2) * w + column]) end
        			if row < h then lowest = math.min(lowest, tops[row * w + column]) end
        			local bottom = lowest - SKIRT
        			local biome = data.biomeNames[string.byte(biomes, column) - 96]
        			local x = origin.X + (column - 1) * size
        			local z = origin.Z + (row - 1) * size
        			terrain:FillBlock(
        				CFrame.new(x, origin.Y + (top + bottom) / 2, z),
        				Vector3.new(size, top - bottom, size),
        				MATERIALS[biome] or Enum.Material.Ground
        			)
        			if top < 0 then
        				terrain:FillBlock(CFrame.new(x, origin.Y + top / 2, z), Vector3.new(size, -top, size), Enum.Material.Water)
        			end
        			if biome == "sea_ice" then
        				terrain:FillBlock(CFrame.new(x, origin.Y - 1, z), Vector3.new(size, 2, size), Enum.Material.Glacier)
        			end
        		end
        		if row % 8 == 0 then
        			task.wait()
        		end
        	end
        end

        """;
}
