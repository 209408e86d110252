using System.Net;

namespace Worldloom.Chat.Client.Rest;

/// <summary>A REST call answered with a problem.</summary>
/// <param name="status">HTTP status.</param>
/// <param name="detail">The problem's detail (safe to show: the server writes it for users).</param>
public sealed class ChatRestException(HttpStatusCode status, string detail) : Exception(detail)
{
    /// <summary>HTTP status.</summary>
    public HttpStatusCode Status { get; } = status;
}
