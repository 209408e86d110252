using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Realms.Tests.Realtime;

/// <summary>A zone's walkable tiles, read from the map endpoint as a client would.</summary>
public sealed class ZoneGround(int width, int height, byte[] cost, List<(string Edge, int X, int Y)> exits)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public IReadOnlyList<(string Edge, int X, int Y)> Exits { get; } = exits;

    public static async Task<ZoneGround> ReadAsync(TestUser user, Guid realm, int x, int y)
    {
        var map = await user.Client.GetFromJsonAsync<JsonElement>($"/api/realms/{realm}/zones/{x}/{y}/map");
        var exits = map.GetProperty("exits").EnumerateArray().Select(e => (e.GetProperty("edge").GetString()!, e.GetProperty("x").GetInt32(), e.GetProperty("y").GetInt32())).ToList();
        return new ZoneGround(map.GetProperty("width").GetInt32(), map.GetProperty("height").GetInt32(), map.GetProperty("cost").GetBytesFromBase64(), exits);
    }

    public bool IsWalkable(int x, int y) => (uint)x < (uint)Width && (uint)y < (uint)Height && cost[(y * Width) + x] != 0;

    /// <summary>A walkable tile off the edges with a walkable ring around it, at least <paramref name="distance"/> tiles (Chebyshev) from (fromX, fromY).</summary>
    public (int X, int Y)? FarFrom(int fromX, int fromY, int distance)
    {
        for (var y = 2; y < Height - 2; y++)
        {
            for (var x = 2; x < Width - 2; x++)
            {
                if (Math.Max(Math.Abs(x - fromX), Math.Abs(y - fromY)) >= distance && Open(x, y))
                {
                    return (x, y);
                }
            }
        }

        return null;
    }

    /// <summary>A walkable tile on the edge of an exit, away from the corners.</summary>
    public (int X, int Y, string Edge)? OnExitEdge()
    {
        foreach (var (edge, _, _) in Exits)
        {
            for (var i = 2; i < (edge is "north" or "south" ? Width : Height) - 2; i++)
            {
                var (x, y) = edge switch
                {
                    "north" => (i, 0),
                    "south" => (i, Height - 1),
                    "west" => (0, i),
                    _ => (Width - 1, i),
                };
                if (IsWalkable(x, y))
                {
                    return (x, y, edge);
                }
            }
        }

        return null;
    }

    private bool Open(int x, int y)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if (!IsWalkable(x + dx, y + dy))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
