using System.Collections.Frozen;

namespace AssistanceApi.Domain.Events;

/// <summary>Who an event is for beyond a request's own visibility: a request's States, a State's administrator, the secretariat.</summary>
public enum EventAudience { Request, StateAdmin, Secretariat }

/// <summary>One type of the closed list of events (contract: the event feed and webhooks). <see cref="Name"/> is its wire name.</summary>
public sealed record EventType(string Name, EventAudience Audience)
{
    public override string ToString() => Name;
}

/// <summary>
/// The closed list of event types. A request's lifecycle events are keyed by the typed actions of <see cref="Lifecycle"/>,
/// so a new action without an event type fails the tests, and no action name is spelled twice.
/// </summary>
public static class EventTypes
{
    public static readonly EventType RequestDrafted = new("request.drafted", EventAudience.Request);

    private static readonly FrozenDictionary<LifecycleAction, EventType> ByAction = new Dictionary<LifecycleAction, EventType>
    {
        [Lifecycle.Update] = new("request.updated", EventAudience.Request),
        [Lifecycle.Discard] = new("request.discarded", EventAudience.Request),
        [Lifecycle.Submit] = new("request.submitted", EventAudience.Request),
        [Lifecycle.Withdraw] = new("request.withdrawn", EventAudience.Request),
        [Lifecycle.Acknowledge] = new("request.acknowledged", EventAudience.Request),
        [Lifecycle.RequestInformation] = new("request.information-requested", EventAudience.Request),
        [Lifecycle.ProvideInformation] = new("request.information-provided", EventAudience.Request),
        [Lifecycle.StartExecution] = new("request.execution-started", EventAudience.Request),
        [Lifecycle.Consult] = new("request.consultation-opened", EventAudience.Request),
        [Lifecycle.AcceptConditions] = new("request.conditions-accepted", EventAudience.Request),
        [Lifecycle.DeclineConditions] = new("request.conditions-declined", EventAudience.Request),
        [Lifecycle.Refuse] = new("request.refused", EventAudience.Request),
        [Lifecycle.Postpone] = new("request.postponed", EventAudience.Request),
        [Lifecycle.Resume] = new("request.resumed", EventAudience.Request),
        [Lifecycle.Complete] = new("request.completed", EventAudience.Request),
        [Lifecycle.Preserve] = new("request.preserved", EventAudience.Request),
        [Lifecycle.Extend] = new("request.preservation-extended", EventAudience.Request),
        [Lifecycle.Release] = new("request.released", EventAudience.Request),
        [Lifecycle.Expire] = new("preservation.expired", EventAudience.Request),
    }.ToFrozenDictionary();

    public static readonly EventType MessageReceived = new("message.received", EventAudience.Request);

    /// <summary>A document attached to a request (a letter, a translation, evidence …).</summary>
    public static readonly EventType DocumentAdded = new("document.added", EventAudience.Request);

    /// <summary>A document marked superseded by a later one; it stays listed and downloadable.</summary>
    public static readonly EventType DocumentSuperseded = new("document.superseded", EventAudience.Request);

    public static readonly EventType ClientCreated = new("client.created", EventAudience.StateAdmin);
    public static readonly EventType ClientRotated = new("client.rotated", EventAudience.StateAdmin);
    public static readonly EventType ClientRevoked = new("client.revoked", EventAudience.StateAdmin);
    public static readonly EventType DirectoryEntryChanged = new("directory.entry-changed", EventAudience.Secretariat);

    public static readonly EventType AcknowledgementOverdue = new("request.acknowledgement-overdue", EventAudience.Request);
    public static readonly EventType PreservationExpiring = new("preservation.expiring", EventAudience.Request);
    public static readonly EventType DeadlinePassed = new("request.deadline-passed", EventAudience.Request);

    /// <summary>A webhook subscription given up after its retries; for its owner's State administrator.</summary>
    public static readonly EventType WebhookDisabled = new("webhook.disabled", EventAudience.StateAdmin);

    /// <summary>The event a lifecycle action's change announces.</summary>
    public static EventType For(LifecycleAction action) =>
        ByAction.TryGetValue(action, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(action), action.Name, "No event type for this action.");

    /// <summary>Every type, the closed list the feed's <c>types</c> filter accepts.</summary>
    public static readonly IReadOnlyList<EventType> All =
    [
        RequestDrafted, .. ByAction.Values.OrderBy(t => t.Name, StringComparer.Ordinal), MessageReceived, DocumentAdded, DocumentSuperseded,
        AcknowledgementOverdue, PreservationExpiring, DeadlinePassed,
        ClientCreated, ClientRotated, ClientRevoked, DirectoryEntryChanged, WebhookDisabled,
    ];

    private static readonly FrozenDictionary<string, EventType> ByName = All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public static EventType? Find(string name) => ByName.GetValueOrDefault(name);
}
