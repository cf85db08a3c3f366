namespace AssistanceApi.Features.Requests;

/// <summary>
/// The legal clock of a preservation (Art. 42(7)), as SQL over the request aliased <c>r</c> at <c>@now</c>:
/// reads show <c>expired</c> the moment preservedUntil passes, whether or not a sweep has persisted it yet.
/// </summary>
public static class PreservationClock
{
    /// <summary>A follow-up request for mutual legal assistance between the same two States is submitted and not yet ended:
    /// the data stays preserved pending the decision on it (Art. 42(7)).</summary>
    public const string FollowUpPending =
        """
        EXISTS (SELECT 1 FROM requests f WHERE f.related_request_id = r.id AND f.kind = 'mutual-legal-assistance'
                AND f.requesting_state = r.requesting_state AND f.requested_state = r.requested_state
                AND f.status NOT IN ('draft', 'discarded') AND (f.closed_at IS NULL OR f.closed_at >= @now))
        """;

    public const string Lapsed = $"(r.status = 'preserved' AND r.preserved_until < @now AND NOT {FollowUpPending})";

    public const string EffectiveStatus = $"CASE WHEN {Lapsed} THEN 'expired' ELSE r.status END";
}
