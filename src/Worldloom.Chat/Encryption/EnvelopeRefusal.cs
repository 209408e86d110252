using Microsoft.AspNetCore.Http;

namespace Worldloom.Chat.Encryption;

/// <summary>Why a body was refused: a code from <see cref="EncryptionCodes"/>, the HTTP status it maps to, and a message naming the body.</summary>
/// <param name="Code">Machine-readable reason.</param>
/// <param name="Status">400 for a bad body, 409 for a key that must change first.</param>
/// <param name="Detail">What was wrong.</param>
/// <param name="CurrentEpoch">The room's epoch, for the 409s, so the client knows which key to fetch.</param>
/// <param name="Field">The sealed field: the body, or an attachment's key.</param>
public sealed record EnvelopeRefusal(string Code, int Status, string Detail, int? CurrentEpoch = null, string Field = "body")
{
    /// <summary>The RFC 9457 problem: <c>errors[Field]</c> and <c>code</c> (and <c>currentEpoch</c>) in its extensions.</summary>
    public IResult ToProblem()
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Code, ["errors"] = new Dictionary<string, string[]> { [Field] = [Detail] } };
        if (CurrentEpoch is { } epoch)
        {
            extensions["currentEpoch"] = epoch;
        }

        return TypedResults.Problem(
            statusCode: Status, title: Status == StatusCodes.Status409Conflict ? "Conflict." : "The request has invalid fields.", detail: $"{Field}: {Detail}", extensions: extensions);
    }
}
