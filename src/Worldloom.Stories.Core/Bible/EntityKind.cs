namespace Worldloom.Stories.Core.Bible;

/// <summary>What a bible entity is; its id's prefix says it (<see cref="EntityIds"/>).</summary>
public enum EntityKind
{
    /// <summary>A person who acts and speaks (<c>char_</c>).</summary>
    Character = 0,

    /// <summary>A place a shot is set in (<c>loc_</c>).</summary>
    Location = 1,

    /// <summary>An object that keeps its look across segments (<c>prop_</c>).</summary>
    Prop = 2,

    /// <summary>An animal or monster, often from a Forge bestiary (<c>beast_</c>).</summary>
    Creature = 3,
}
