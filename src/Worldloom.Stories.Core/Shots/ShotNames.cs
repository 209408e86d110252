using Worldloom.Stories.Core.Text;

namespace Worldloom.Stories.Core.Shots;

/// <summary>Wire names of the shot plan's enums (appended, never renamed: they are stored with segments).</summary>
public static class ShotNames
{
    /// <summary>static, pan_left, pan_right, zoom_in, zoom_out, dolly_in, dolly_out.</summary>
    public static readonly WireNames<CameraMove> Camera = new("static", "pan_left", "pan_right", "zoom_in", "zoom_out", "dolly_in", "dolly_out");

    /// <summary>left, center, right, distance.</summary>
    public static readonly WireNames<ScreenPosition> Position = new("left", "center", "right", "distance");

    /// <summary>dawn, day, dusk, night.</summary>
    public static readonly WireNames<TimeOfDay> Time = new("dawn", "day", "dusk", "night");

    /// <summary>clear, rain, fog, snow, wind.</summary>
    public static readonly WireNames<Weather> Weather = new("clear", "rain", "fog", "snow", "wind");
}
