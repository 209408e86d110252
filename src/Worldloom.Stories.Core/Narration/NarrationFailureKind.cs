namespace Worldloom.Stories.Core.Narration;

/// <summary>Why a narrator gave no plan; a job retries <see cref="Unavailable"/> and <see cref="MalformedOutput"/>, not the others.</summary>
public enum NarrationFailureKind
{
    /// <summary>The request itself is bad (problems name its fields).</summary>
    InvalidRequest = 0,

    /// <summary>The provider answered, but never with a readable plan (problems name the plan's JSON paths).</summary>
    MalformedOutput = 1,

    /// <summary>The provider could not be reached or failed.</summary>
    Unavailable = 2,

    /// <summary>The provider declined the prompt.</summary>
    Refused = 3,
}
