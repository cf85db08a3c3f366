namespace AssistanceApi.Domain.Events;

/// <summary>
/// The closed list of event types a webhook may subscribe to, in one place. The events outbox defines the types it
/// writes; this list is the one the webhooks validate against until both meet (the lead merges them into one).
/// </summary>
public static class EventTypes
{
    public const string WebhookTest = "webhook.test";
    public const string WebhookDisabled = "webhook.disabled";

    public static readonly IReadOnlyList<string> All =
    [
        "request.drafted", "request.submitted", "request.acknowledged", "request.accepted", "request.refused",
        "request.postponed", "request.executed", "request.withdrawn", "request.closed",
        "request.acknowledgement-overdue", "request.deadline-passed",
        "preservation.expiring", "preservation.expired",
        "message.received", "document.added",
        "client.created", "client.rotated", "client.revoked", "directory.changed",
        WebhookTest, WebhookDisabled,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
