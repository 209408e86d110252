namespace Worldloom.Forge.Core.World;

/// <summary>How big a settlement is; wire names are the lower-case member names.</summary>
public enum SettlementSize
{
    /// <summary>A handful of homes (under 100 people).</summary>
    Hamlet,

    /// <summary>100–999 people.</summary>
    Village,

    /// <summary>1,000–9,999 people.</summary>
    Town,

    /// <summary>10,000 people or more.</summary>
    City,
}
