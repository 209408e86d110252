using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Render;

/// <summary>A shot plan the renderer cannot draw, with every problem and the plan path it is at.</summary>
public sealed class InvalidShotPlanException : Exception
{
    /// <summary>An exception for <paramref name="errors"/> (at least one).</summary>
    public InvalidShotPlanException(IReadOnlyList<ParameterError> errors)
        : base("The shot plan cannot be rendered: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    /// <summary>The problems, each naming a path in the plan (<c>shots[1].subjects[0].entity</c>) or an option.</summary>
    public IReadOnlyList<ParameterError> Errors { get; }
}
