using System.Collections.Frozen;
using AssistanceApi.Domain;
using AssistanceApi.Persistence;

namespace AssistanceApi.Features.Requests;

/// <summary>
/// <see cref="Visibility"/> as SQL over the request aliased <c>r</c> (the caller's State at <c>@state</c>), built once
/// from that definition. Each side repeats the WHERE of its partial indexes word for word (migration 0008): they hold
/// only what that side sees, so drafts other States address to the caller are never visited.
/// </summary>
public static class VisibilitySql
{
    /// <summary>Requests the caller's State made, in every status it sees.</summary>
    public static readonly string Outgoing = $"r.requesting_state = @state AND {NotIn("r.status", Visibility.SeenByRequestingState)}";

    /// <summary>Requests made to the caller's State, once it sees them.</summary>
    public static readonly string Incoming = $"r.requested_state = @state AND {SeenByRequestedState("r")}";

    /// <summary>The request aliased <paramref name="alias"/> has reached the requested State: it is submitted and was never discarded.</summary>
    public static string SeenByRequestedState(string alias) => NotIn($"{alias}.status", Visibility.SeenByRequestedState);

    /// <summary>The kinds an office handles, as a condition; null for an office that handles every kind.</summary>
    public static string? KindsHandledBy(Office office) => Kinds[office];

    private static readonly FrozenDictionary<Office, string?> Kinds = Enum.GetValues<Office>().ToFrozenDictionary(
        office => office,
        office => Visibility.KindsHandledBy(office).Count == Enum.GetValues<RequestKind>().Length ? null : NotIn("r.kind", Visibility.KindsHandledBy(office)));

    /// <summary>The values of <typeparamref name="T"/> outside <paramref name="seen"/>, excluded.</summary>
    private static string NotIn<T>(string column, IReadOnlySet<T> seen) where T : struct, Enum =>
        SqlLiteral.NotIn(column, Enum.GetValues<T>().Where(v => !seen.Contains(v)));
}
