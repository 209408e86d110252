namespace Worldloom.Stories.Core.Shots;

/// <summary>The light of a shot.</summary>
public enum TimeOfDay
{
    /// <summary>Early light.</summary>
    Dawn = 0,

    /// <summary>Full daylight.</summary>
    Day = 1,

    /// <summary>Evening light.</summary>
    Dusk = 2,

    /// <summary>Dark.</summary>
    Night = 3,
}
