namespace Worldloom.Forge.Core.World;

/// <summary>One rejected parameter: <paramref name="Field"/> is the camelCase name the API uses, so a problem response can point at it.</summary>
/// <param name="Field">The camelCase field name, e.g. <c>seaLevel</c>.</param>
/// <param name="Message">What is wrong and what range is allowed.</param>
public sealed record ParameterError(string Field, string Message);
