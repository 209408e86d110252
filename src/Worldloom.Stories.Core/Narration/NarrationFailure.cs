using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Core.Narration;

/// <summary>A narrator's failure in a form a job can store and an endpoint can turn into problem details.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">One sentence for the user.</param>
/// <param name="Problems">Field-level problems (request fields, or JSON paths of the provider's plan); may be empty.</param>
/// <param name="Attempts">How many tries were made.</param>
public sealed record NarrationFailure(NarrationFailureKind Kind, string Message, IReadOnlyList<ParameterError> Problems, int Attempts);
