using System.Buffers.Text;
using System.Text;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features;

/// <summary>One page of a list; pass <see cref="NextCursor"/> back as <c>?cursor=</c> for the next.</summary>
public sealed class Page<T>
{
    public required IReadOnlyList<T> Items { get; init; }
    public string? NextCursor { get; init; }

    /// <summary>Takes a query result fetched with limit + 1 rows: the extra row only says there is more.</summary>
    public static Page<T> From(IReadOnlyList<T> rows, int limit, Func<T, string> keyOf) => new()
    {
        Items = rows.Take(limit).ToList(),
        NextCursor = rows.Count > limit ? Cursor.Encode(keyOf(rows[limit - 1])) : null,
    };
}

/// <summary>Query parameters every list accepts.</summary>
public abstract class PageQuery
{
    /// <summary>Items per page, 1–200; 50 when absent.</summary>
    [QueryParam] public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [QueryParam] public string? Cursor { get; init; }

    public int Take => Limit ?? 50;

    public string? After => Features.Cursor.Decode(Cursor);
}

public static class Cursor
{
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static string? Decode(string? cursor) =>
        cursor is null ? null : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));

    /// <summary>The answer to a cursor whose key no page of this list could have returned.</summary>
    public static Http.ApiProblemException Refused() => Http.Problems.BadRequest("The cursor is not one this list returned.",
        new Http.ProblemError("cursor", "pass back the nextCursor of the previous page", "invalid-cursor"));

    /// <summary>A key that is a sequence number (null: no cursor); anything else is refused.</summary>
    public static long? Sequence(string? key) => key is null ? null
        : long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) ? sequence
        : throw Refused();

    public static bool IsValid(string? cursor)
    {
        if (cursor is null) return true;
        if (cursor.Length is 0 or > 200 || !Base64Url.IsValid(cursor)) return false;
        return true;
    }
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 200).WithErrorCode("invalid-limit")
            .WithMessage("limit must be between 1 and 200.");
        RuleFor(q => q.Cursor).Must(Cursor.IsValid).WithErrorCode("invalid-cursor")
            .WithMessage("cursor must be a nextCursor value returned by this list.");
    }
}
