namespace Worldloom.Stories.Core.Shots;

/// <summary>Where a subject stands in the frame.</summary>
public enum ScreenPosition
{
    /// <summary>Left third.</summary>
    Left = 0,

    /// <summary>Centre.</summary>
    Center = 1,

    /// <summary>Right third.</summary>
    Right = 2,

    /// <summary>Small, far back.</summary>
    Distance = 3,
}
