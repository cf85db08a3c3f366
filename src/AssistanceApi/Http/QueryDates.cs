using System.Globalization;
using FastEndpoints;
using Microsoft.Extensions.Primitives;

namespace AssistanceApi.Http;

/// <summary>
/// A date in a query is written as the body writes one, YYYY-MM-DD: the framework's own parser also takes 2026-1-1,
/// +2026-01-01 or a date in words, which no client of this API means to send.
/// </summary>
public static class QueryDates
{
    public static ParseResult Parse(StringValues input) =>
        input.Count == 1 && DateOnly.TryParseExact(input[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new ParseResult(true, date)
            : new ParseResult(false, null);
}
