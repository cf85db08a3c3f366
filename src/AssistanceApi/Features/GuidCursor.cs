namespace AssistanceApi.Features;

/// <summary>A cursor that is the id of the last item: a uuid parameter on PostgreSQL, text on SQLite.</summary>
public static class GuidCursor
{
    public static Guid? Parse(string? key) => key is null ? null
        : Guid.TryParse(key, out var id) ? id
        : throw Http.Problems.BadRequest("The cursor is not one this list returned.",
            new Http.ProblemError("cursor", "pass back the nextCursor of the previous page", "invalid-cursor"));
}
