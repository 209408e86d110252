namespace Worldloom.Cli.Bench;

/// <summary>Which servers <c>loom bench chat</c> measures.</summary>
[Flags]
internal enum ChatBenchServers
{
    /// <summary>Worldloom's chat WebSocket.</summary>
    Ours = 1,

    /// <summary>The Socket.IO room-broadcast peer in <c>bench/peers/socketio-chat</c>.</summary>
    Peer = 2,

    /// <summary>Both, in that order: the comparison the issue asks for.</summary>
    Both = Ours | Peer,
}
