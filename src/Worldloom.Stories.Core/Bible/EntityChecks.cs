using Worldloom.Forge.Core.World;

namespace Worldloom.Stories.Core.Bible;

/// <summary>
/// What makes one entity well formed: a valid id, a name, attributes its kind may have with values they accept, and
/// lists within their bounds and meant for its kind (only characters wear clothes, only locations have a palette).
/// </summary>
public static class EntityChecks
{
    /// <summary>Longest display name or alias.</summary>
    public const int MaxNameLength = 80;

    /// <summary>Most entries in any one list of an entity (aliases, clothing, items, palette, ...).</summary>
    public const int MaxListLength = 8;

    /// <summary>Every problem of <paramref name="entity"/>, each with a path under <paramref name="path"/>.</summary>
    public static IReadOnlyList<ParameterError> Check(BibleEntity entity, string path)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var errors = new List<ParameterError>();
        if (EntityIds.KindOf(entity.Id) is not { } kind)
        {
            errors.Add(new(At(path, "id"), $"\"{entity.Id}\" is not {EntityIds.Describe()}."));
            return errors;
        }

        if (entity.Name.Trim().Length == 0 || entity.Name.Length > MaxNameLength)
        {
            errors.Add(new(At(path, "name"), $"must be 1 to {MaxNameLength} characters, not blank."));
        }

        CheckList(errors, path, "aliases", entity.Aliases, true, a => a.Trim().Length == 0 || a.Length > MaxNameLength ? $"must be 1 to {MaxNameLength} characters, not blank." : null);
        foreach (var (name, value) in entity.Attributes)
        {
            if (EntityAttributes.Check(kind, name, value) is { } problem)
            {
                errors.Add(new(At(path, $"attributes.{name}"), problem));
            }
        }

        var living = kind is EntityKind.Character or EntityKind.Creature;
        CheckList(errors, path, "temperament", entity.Temperament, living, EntityAttributes.CheckWords);
        CheckList(errors, path, "items", entity.Items, kind == EntityKind.Character, EntityAttributes.CheckWords);
        CheckList(errors, path, "landmarks", entity.Landmarks, kind == EntityKind.Location, EntityAttributes.CheckWords);
        CheckList(errors, path, "palette", entity.Palette, kind == EntityKind.Location, c => StoryColours.IsColour(c) ? null : $"\"{c}\" is no colour; expected one of {StoryColours.Describe()}.");
        CheckList(errors, path, "clothing", entity.Clothing.Select(g => g.Item).ToList(), kind == EntityKind.Character, EntityAttributes.CheckWords, "item");
        for (var i = 0; i < entity.Clothing.Count; i++)
        {
            if (!StoryColours.IsColour(entity.Clothing[i].Colour))
            {
                errors.Add(new(At(path, $"clothing[{i}].colour"), $"\"{entity.Clothing[i].Colour}\" is no colour; expected one of {StoryColours.Describe()}."));
            }

            for (var j = 0; j < i; j++)
            {
                if (Text.Words.SameNoun(entity.Clothing[j].Item, entity.Clothing[i].Item))
                {
                    errors.Add(new(At(path, $"clothing[{i}].item"), $"\"{entity.Clothing[i].Item}\" is already worn at clothing[{j}]; one colour per garment."));
                }
            }
        }

        return errors;
    }

    private static void CheckList(
        List<ParameterError> errors, string path, string field, IReadOnlyList<string> items, bool allowed, Func<string, string?> check, string? member = null)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (!allowed)
        {
            errors.Add(new(At(path, field), "this kind of entity has none; leave it out."));
            return;
        }

        if (items.Count > MaxListLength)
        {
            errors.Add(new(At(path, field), $"at most {MaxListLength} entries; got {items.Count}."));
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (check(items[i]) is { } problem)
            {
                errors.Add(new(At(path, member is null ? $"{field}[{i}]" : $"{field}[{i}].{member}"), problem));
            }
        }
    }

    private static string At(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
