using System.Diagnostics.CodeAnalysis;

namespace Worldloom.Platform.Blobs;

/// <summary>Where an S3 service listens: the <c>host[:port]</c> the MinIO client takes, and whether to use TLS.</summary>
/// <param name="HostAndPort">Host name or address, with the port when it is not the scheme's default.</param>
/// <param name="UseSsl">Whether requests go over HTTPS.</param>
internal sealed record S3Endpoint(string HostAndPort, bool UseSsl)
{
    /// <summary>
    /// Reads <c>host[:port]</c> (TLS from <paramref name="useSsl"/>) or <c>http(s)://host[:port]</c> (TLS from the
    /// scheme). A path, query or credentials in the URL are refused: the client would silently drop them.
    /// </summary>
    public static bool TryParse(string? value, bool useSsl, [NotNullWhen(true)] out S3Endpoint? endpoint)
    {
        endpoint = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var hasScheme = value.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(hasScheme ? value : "scheme-less://" + value, UriKind.Absolute, out var uri)
            || (hasScheme && uri.Scheme is not ("http" or "https"))
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || uri.Host.Length == 0)
        {
            return false;
        }

        endpoint = new S3Endpoint(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", hasScheme ? uri.Scheme == "https" : useSsl);
        return true;
    }
}
