using SkiaSharp;
using Worldloom.Forge.Core.Rendering;
using Worldloom.Forge.Core.World;
using Worldloom.Stories.Core.Bible;
using Worldloom.Stories.Core.Rules;
using Worldloom.Stories.Core.Shots;

namespace Worldloom.Stories.Render.Storyboard;

/// <summary>
/// Paints a shot's background once per shot: sky by time of day and weather, far hills or mountains or sea by biome
/// (the maps' <see cref="BiomeColours"/>, so a scene set in a Forge world matches its map), ground, vegetation and the
/// location's landmarks in its palette. Layout (hills, trees, landmark places) is seeded from the location id (or the
/// biome when there is no location), so a place looks the same in every shot; only light and weather change.
/// </summary>
internal static class SettingPainter
{
    /// <summary>The biome a shot paints: the shot's, else its location's, else grassland.</summary>
    public static Biome BiomeOf(ShotSetting setting, BibleEntity? location) =>
        setting.Biome
        ?? (location?.Attribute("biome") is { } name && BiomeNames.TryParse(name, out var biome) ? biome : Biome.Grassland);

    public static void Draw(SKCanvas canvas, ShotSetting setting, BibleEntity? location, BibleEntity? vista, Compass vistaDirection)
    {
        var biome = BiomeOf(setting, location);
        var layoutKey = location?.Id ?? BiomeNames.All[(int)biome];
        var ground = Paints.Rgb(BiomeColours.Of(biome));
        var (top, horizon) = SkyColours(setting.Time, setting.Weather);
        var left = -Stage.Margin;
        var right = Stage.Width + Stage.Margin;

        using (var sky = new SKPaint())
        {
            sky.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, Stage.Horizon), [top, horizon], SKShaderTileMode.Clamp);
            canvas.DrawRect(left, 0, right - left, Stage.Horizon + 2, sky);
        }

        var seed = new Seed(layoutKey, "setting");
        SunAndStars(canvas, setting, seed);
        Clouds(canvas, setting.Weather, seed);
        FarLand(canvas, biome, ground, horizon, seed);
        if (vista is not null)
        {
            Vista(canvas, vista, vistaDirection, horizon);
        }

        using (var land = new SKPaint())
        {
            land.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, Stage.Horizon), new SKPoint(0, Stage.Height),
                [Paints.Mix(ground, horizon, 0.3f), Paints.Mix(ground, SKColors.Black, 0.15f)], SKShaderTileMode.Clamp);
            canvas.DrawRect(left, Stage.Horizon, right - left, Stage.Height - Stage.Horizon, land);
        }

        Vegetation(canvas, biome, ground, seed);
        if (location is not null)
        {
            Landmarks(canvas, location, seed);
        }

        Light(canvas, setting);
    }

    private static (SKColor Top, SKColor Horizon) SkyColours(TimeOfDay time, Weather weather)
    {
        var (top, horizon) = time switch
        {
            TimeOfDay.Dawn => (new SKColor(70, 90, 150), new SKColor(245, 180, 150)),
            TimeOfDay.Dusk => (new SKColor(60, 50, 110), new SKColor(240, 140, 80)),
            TimeOfDay.Night => (new SKColor(10, 14, 35), new SKColor(35, 45, 80)),
            _ => (new SKColor(90, 150, 220), new SKColor(200, 225, 245)),
        };
        if (weather is Weather.Rain or Weather.Fog or Weather.Snow)
        {
            var overcast = time == TimeOfDay.Night ? new SKColor(40, 42, 48) : new SKColor(150, 155, 162);
            (top, horizon) = (Paints.Mix(top, overcast, 0.6f), Paints.Mix(horizon, overcast, 0.5f));
        }

        return (top, horizon);
    }

    private static void SunAndStars(SKCanvas canvas, ShotSetting setting, Seed seed)
    {
        var x = seed.Range(100, Stage.Width - 100);
        if (setting.Weather is Weather.Rain or Weather.Fog or Weather.Snow)
        {
            return;
        }

        switch (setting.Time)
        {
            case TimeOfDay.Night:
                using (var star = Paints.Fill(new SKColor(235, 235, 255, 200)))
                {
                    for (var i = 0; i < 90; i++)
                    {
                        canvas.DrawCircle(seed.Range(-Stage.Margin, Stage.Width + Stage.Margin), seed.Range(0, Stage.Horizon - 60), seed.Range(0.6f, 1.8f), star);
                    }
                }

                using (var moon = Paints.Fill(new SKColor(240, 238, 220)))
                {
                    canvas.DrawCircle(x, 110, 34, moon);
                }

                break;
            case TimeOfDay.Day:
                using (var sun = Paints.Fill(new SKColor(255, 244, 210)))
                {
                    canvas.DrawCircle(x, 100, 44, sun);
                }

                break;
            default:
                using (var sun = Paints.Fill(new SKColor(255, 210, 150)))
                {
                    canvas.DrawCircle(x, Stage.Horizon - 40, 56, sun);
                }

                break;
        }
    }

    private static void Clouds(SKCanvas canvas, Weather weather, Seed seed)
    {
        var count = weather is Weather.Clear or Weather.Wind ? 5 : 12;
        var shade = weather is Weather.Clear or Weather.Wind ? new SKColor(255, 255, 255, 150) : new SKColor(110, 112, 120, 170);
        using var paint = Paints.Fill(shade);
        for (var i = 0; i < count; i++)
        {
            var cx = seed.Range(-Stage.Margin, Stage.Width + Stage.Margin);
            var cy = seed.Range(40, Stage.Horizon - 140);
            var w = seed.Range(80, 200);
            canvas.DrawOval(cx, cy, w, w * 0.28f, paint);
            canvas.DrawOval(cx + (w * 0.35f), cy - (w * 0.12f), w * 0.5f, w * 0.25f, paint);
        }
    }

    private static void FarLand(SKCanvas canvas, Biome biome, SKColor ground, SKColor horizon, Seed seed)
    {
        var left = -Stage.Margin;
        var right = Stage.Width + Stage.Margin;
        if (biome is Biome.Ocean or Biome.ShallowSea or Biome.SeaIce or Biome.Beach)
        {
            using var sea = Paints.Fill(Paints.Mix(Paints.Rgb(BiomeColours.Of(biome == Biome.Beach ? Biome.ShallowSea : biome)), horizon, 0.25f));
            canvas.DrawRect(left, Stage.Horizon - 30, right - left, 60, sea);
            return;
        }

        var peaks = biome is Biome.Alpine or Biome.Snow or Biome.Tundra or Biome.Taiga;
        for (var layer = 0; layer < 2; layer++)
        {
            var colour = Paints.Mix(ground, horizon, layer == 0 ? 0.65f : 0.4f);
            using var paint = Paints.Fill(colour);
            using var path = new SKPath();
            path.MoveTo(left, Stage.Horizon + 2);
            var steps = peaks ? 9 : 6;
            for (var i = 0; i <= steps; i++)
            {
                var x = left + ((right - left) * i / steps);
                var rise = peaks ? seed.Range(80, 230) : biome == Biome.Desert ? seed.Range(15, 50) : seed.Range(25, 90);
                rise *= layer == 0 ? 1f : 0.6f;
                if (peaks)
                {
                    path.LineTo(x, Stage.Horizon - rise);
                }
                else
                {
                    path.QuadTo(x - ((right - left) / steps / 2), Stage.Horizon - rise, x, Stage.Horizon - (rise * 0.4f));
                }
            }

            path.LineTo(right, Stage.Horizon + 2);
            path.Close();
            canvas.DrawPath(path, paint);
        }

        if (peaks && biome is Biome.Alpine or Biome.Snow)
        {
            // Snow caps: a pale veil over the upper part of the far range.
            using var cap = new SKPaint();
            cap.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, Stage.Horizon - 230), new SKPoint(0, Stage.Horizon - 110),
                [new SKColor(250, 250, 255, 230), new SKColor(250, 250, 255, 0)], SKShaderTileMode.Clamp);
            canvas.Save();
            canvas.ClipRect(new SKRect(left, 0, right, Stage.Horizon));
            canvas.DrawRect(left, Stage.Horizon - 240, right - left, 140, cap);
            canvas.Restore();
        }
    }

    private static void Vista(SKCanvas canvas, BibleEntity vista, Compass direction, SKColor horizon)
    {
        var x = direction switch
        {
            Compass.East or Compass.NorthEast or Compass.SouthEast => Stage.Width * 0.82f,
            Compass.West or Compass.NorthWest or Compass.SouthWest => Stage.Width * 0.18f,
            _ => Stage.Width * 0.5f,
        };
        var colour = Paints.Mix(vista.Palette.Count > 0 ? Paints.Story(vista.Palette[0], SKColors.Gray) : SKColors.Gray, horizon, 0.55f);
        var name = vista.Landmarks.Count > 0 ? vista.Landmarks[0] : vista.Name.ToLowerInvariant();
        LandmarkPainter.Draw(canvas, name, x, Stage.Horizon + 4, 70, colour, Paints.Mix(colour, SKColors.Black, 0.2f));
    }

    private static void Vegetation(SKCanvas canvas, Biome biome, SKColor ground, Seed seed)
    {
        var (count, kind) = biome switch
        {
            Biome.Taiga => (26, 0),
            Biome.TemperateForest or Biome.TemperateRainforest or Biome.TropicalForest or Biome.TropicalRainforest => (22, 1),
            Biome.Savanna => (6, 1),
            Biome.Wetland => (40, 2),
            Biome.Grassland or Biome.Shrubland or Biome.Tundra => (50, 3),
            Biome.Alpine or Biome.Desert or Biome.Snow => (12, 4),
            _ => (0, 0),
        };
        var leaf = Paints.Mix(ground, SKColors.Black, 0.35f);
        using var paint = Paints.Fill(leaf);
        using var trunk = Paints.Fill(new SKColor(80, 58, 38));
        using var blade = Paints.Stroke(Paints.Mix(ground, SKColors.Black, 0.25f), 2);
        using var rock = Paints.Fill(Paints.Mix(ground, SKColors.Gray, 0.6f));
        for (var i = 0; i < count; i++)
        {
            var x = seed.Range(-Stage.Margin, Stage.Width + Stage.Margin);
            var depth = seed.Unit();
            var y = Stage.Horizon + 6 + (depth * depth * 140);
            var scale = 0.4f + (depth * 1.2f);
            switch (kind)
            {
                case 0:
                    using (var path = new SKPath())
                    {
                        path.MoveTo(x, y - (90 * scale));
                        path.LineTo(x + (24 * scale), y);
                        path.LineTo(x - (24 * scale), y);
                        path.Close();
                        canvas.DrawPath(path, paint);
                    }

                    break;
                case 1:
                    canvas.DrawRect(x - (4 * scale), y - (40 * scale), 8 * scale, 40 * scale, trunk);
                    canvas.DrawCircle(x, y - (55 * scale), 28 * scale, paint);
                    break;
                case 2:
                    canvas.DrawLine(x, y, x - (4 * scale), y - (26 * scale), blade);
                    canvas.DrawLine(x + 3, y, x + 5 + (3 * scale), y - (22 * scale), blade);
                    break;
                case 3:
                    canvas.DrawLine(x, y, x - (3 * scale), y - (10 * scale), blade);
                    canvas.DrawLine(x + 2, y, x + 4, y - (12 * scale), blade);
                    break;
                default:
                    canvas.DrawOval(x, y, 14 * scale, 7 * scale, rock);
                    break;
            }
        }
    }

    private static void Landmarks(SKCanvas canvas, BibleEntity location, Seed seed)
    {
        var wall = location.Palette.Count > 0 ? Paints.Story(location.Palette[0], SKColors.Gray) : new SKColor(130, 126, 118);
        var roof = location.Palette.Count > 1 ? Paints.Story(location.Palette[1], SKColors.Brown) : Paints.Mix(wall, new SKColor(128, 70, 27), 0.6f);
        var count = location.Landmarks.Count;
        for (var i = 0; i < count; i++)
        {
            // Spread over the width with a seeded jitter, so two landmarks never stand on top of each other.
            var slot = (Stage.Width + Stage.Margin) / count;
            var x = (-Stage.Margin / 2) + (slot * (i + 0.5f)) + seed.Range(-slot * 0.2f, slot * 0.2f);
            var baseY = Stage.Horizon + seed.Range(20, 60);
            LandmarkPainter.Draw(canvas, location.Landmarks[i], x, baseY, seed.Range(150, 250), wall, roof);
        }
    }

    private static void Light(SKCanvas canvas, ShotSetting setting)
    {
        var tint = setting.Time switch
        {
            TimeOfDay.Dawn => new SKColor(255, 190, 160, 40),
            TimeOfDay.Dusk => new SKColor(255, 140, 80, 55),
            TimeOfDay.Night => new SKColor(10, 20, 70, 130),
            _ => SKColors.Transparent,
        };
        var rect = new SKRect(-Stage.Margin, 0, Stage.Width + Stage.Margin, Stage.Height);
        if (tint.Alpha > 0)
        {
            using var paint = Paints.Fill(tint);
            canvas.DrawRect(rect, paint);
        }

        if (setting.Weather == Weather.Fog)
        {
            using var fog = new SKPaint();
            fog.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, Stage.Horizon - 200), new SKPoint(0, Stage.Height),
                [new SKColor(220, 222, 225, 60), new SKColor(220, 222, 225, 170), new SKColor(220, 222, 225, 60)], SKShaderTileMode.Clamp);
            canvas.DrawRect(rect, fog);
        }
    }
}
