namespace Worldloom.Cli.Bench;

/// <summary>Which servers <c>loom bench realms</c> measures.</summary>
[Flags]
internal enum RealmsBenchServers
{
    /// <summary>Worldloom's zones behind the game socket.</summary>
    Ours = 1,

    /// <summary>The Colyseus rooms in <c>bench/peers/colyseus-realms</c>.</summary>
    Peer = 2,

    /// <summary>Both, in that order: the comparison the issue asks for.</summary>
    Both = Ours | Peer,
}
