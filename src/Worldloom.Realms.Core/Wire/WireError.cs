namespace Worldloom.Realms.Core.Wire;

/// <summary>Why a frame could not be read: the server answers it with an <see cref="ErrorFrame"/> and keeps the
/// connection; a client drops the frame.</summary>
/// <param name="Code">Stable, machine-readable: <c>empty</c>, <c>too_large</c>, <c>unknown_type</c>, <c>truncated</c>,
/// <c>trailing_bytes</c>, <c>bad_length</c>, <c>too_long</c>, <c>bad_utf8</c>, <c>out_of_range</c>.</param>
/// <param name="Field">The field at fault (<c>input.move_angle</c>), or <c>frame</c> for the frame as a whole.</param>
/// <param name="Message">For people: what was wrong, naming the field.</param>
public sealed record WireError(string Code, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}
