using System.Net;
using System.Net.Sockets;

namespace Worldloom.Platform.Tests.Support;

/// <summary>
/// A TCP port nobody is listening on right now, chosen below Linux's ephemeral range (32768–60999): a port the kernel
/// handed out for a moment can be taken by any outgoing connection (a database, an HTTP client) before the silo binds
/// it, which made hosts fail with "address already in use" under load. Ports are never handed out twice per process.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Last = 32000;

    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free TCP port between {First} and {Last}.");
    }

    /// <summary>Whether a failure to start was a port taken between choosing and binding it.</summary>
    public static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.GetType().Name == "AddressInUseException")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
