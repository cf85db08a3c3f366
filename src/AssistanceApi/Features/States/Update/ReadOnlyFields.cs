using AssistanceApi.Http;

namespace AssistanceApi.Features.States.Update;

/// <summary>
/// A GET → PUT round trip carries the fields the secretariat cannot change. They are ignored when they repeat the
/// stored entry; a different value is a contradiction (code DEU on /states/FRA, a stale asOf), never silently dropped.
/// </summary>
public static class ReadOnlyFields
{
    public static void EnsureUnchanged(UpdateStateBody body, StateEntry current)
    {
        var errors = new List<ProblemError>();
        if (body.EntryCode is { } code && !string.Equals(code, current.Code, StringComparison.Ordinal))
            errors.Add(Contradiction("code", $"code is read-only and must be the path's: {current.Code}."));
        if (body.Name is { } name && !string.Equals(name, current.Name, StringComparison.Ordinal))
            errors.Add(Contradiction("name", $"name is read-only: {current.Name}."));
        if (body.AsOf is { } asOf && asOf != current.AsOf)
            errors.Add(Contradiction("asOf", $"asOf is set by the server: the entry is as of {current.AsOf:yyyy-MM-dd}, not {asOf:yyyy-MM-dd}; GET it again."));
        if (errors.Count > 0)
            throw Problems.BadRequest("The body contradicts fields of the entry that cannot be changed; nothing was changed.", [.. errors]);
    }

    private static ProblemError Contradiction(string name, string reason) => new(name, reason, "read-only-field");
}
