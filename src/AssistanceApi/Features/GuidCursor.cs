namespace AssistanceApi.Features;

/// <summary>A cursor that is the id of the last item: a uuid parameter on PostgreSQL, text on SQLite.</summary>
public static class GuidCursor
{
    public static Guid? Parse(string? key) => key is null ? null
        : Guid.TryParse(key, out var id) ? id
        : throw Cursor.Refused();
}
