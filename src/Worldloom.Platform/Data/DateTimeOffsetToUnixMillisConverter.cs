using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Worldloom.Platform.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC Unix milliseconds.</summary>
public sealed class DateTimeOffsetToUnixMillisConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
