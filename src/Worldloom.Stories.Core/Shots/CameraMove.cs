namespace Worldloom.Stories.Core.Shots;

/// <summary>How the camera moves during a shot; the renderer turns it into a pan or zoom over the frame.</summary>
public enum CameraMove
{
    /// <summary>Locked off.</summary>
    Static = 0,

    /// <summary>Turns to the left.</summary>
    PanLeft = 1,

    /// <summary>Turns to the right.</summary>
    PanRight = 2,

    /// <summary>Narrows the view on the centre.</summary>
    ZoomIn = 3,

    /// <summary>Widens the view.</summary>
    ZoomOut = 4,

    /// <summary>Moves towards the subjects (zoom with parallax).</summary>
    DollyIn = 5,

    /// <summary>Moves away from the subjects.</summary>
    DollyOut = 6,
}
