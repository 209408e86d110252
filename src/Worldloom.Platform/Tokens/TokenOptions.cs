namespace Worldloom.Platform.Tokens;

/// <summary>Settings for the access tokens the platform issues.</summary>
public sealed class TokenOptions
{
    /// <summary>The <c>iss</c> and <c>aud</c> claims; one value, since the server both issues and consumes its tokens.</summary>
    public string Issuer { get; set; } = "worldloom";

    /// <summary>Access-token lifetime. Short, because revocation happens through the refresh-token family.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an unused refresh token stays valid.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
