namespace Worldloom.Stories.Core.Shots;

/// <summary>The sky of a shot.</summary>
public enum Weather
{
    /// <summary>No weather to draw.</summary>
    Clear = 0,

    /// <summary>Rain.</summary>
    Rain = 1,

    /// <summary>Fog or mist.</summary>
    Fog = 2,

    /// <summary>Snow.</summary>
    Snow = 3,

    /// <summary>Wind and blown leaves or sand.</summary>
    Wind = 4,
}
