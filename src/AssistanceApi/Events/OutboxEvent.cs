using AssistanceApi.Domain.Events;

namespace AssistanceApi.Events;

/// <summary>
/// An event as a change records it: thin — what happened, to which request, by whom — never the request's content.
/// <see cref="Audience"/>: the State whose administrator sees an admin event. <see cref="DedupeKey"/>: set for a
/// time-driven event, which is then written once however many sweeps find it.
/// </summary>
public sealed record OutboxEvent(EventType Type, DateTimeOffset OccurredAt)
{
    public Guid? RequestId { get; init; }
    public string? Reference { get; init; }
    public string? RequestingState { get; init; }
    public string? RequestedState { get; init; }
    public string? Kind { get; init; }
    public string? Status { get; init; }
    public string? ActorState { get; init; }
    public string? ActorRole { get; init; }
    public string? AudienceState { get; init; }
    public object? Data { get; init; }
    public string? DedupeKey { get; init; }

    /// <summary>The audience column: 'request', 'state-admin:&lt;STATE&gt;' or 'secretariat'.</summary>
    public string Audience => Type.Audience switch
    {
        EventAudience.Request => StoredAudience.Request,
        EventAudience.StateAdmin when AudienceState is { } state => StoredAudience.StateAdmin(state),
        _ => StoredAudience.Secretariat,
    };
}

/// <summary>The values of the audience column.</summary>
public static class StoredAudience
{
    public const string Request = "request";
    public const string Secretariat = "secretariat";
    public static string StateAdmin(string state) => "state-admin:" + state;
}
