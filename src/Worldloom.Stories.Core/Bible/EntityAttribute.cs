namespace Worldloom.Stories.Core.Bible;

/// <summary>One scalar trait an entity may have.</summary>
/// <param name="Name">Its name in JSON and in rules ("hair").</param>
/// <param name="Kinds">The entity kinds that may have it.</param>
/// <param name="Values">What values it takes.</param>
/// <param name="Choices">The allowed values when <paramref name="Values"/> is <see cref="AttributeValueKind.Choice"/>.</param>
public sealed record EntityAttribute(string Name, IReadOnlyList<EntityKind> Kinds, AttributeValueKind Values, IReadOnlyList<string> Choices);
