namespace AssistanceApi.Features.Webhooks;

/// <summary>
/// The JSON body POSTed to a subscription's URL (the OpenAPI document's WebhookEvent schema): the event, thin — what
/// happened, to which request, by whom — never a request's content; the receiver fetches the request with its own key.
/// Headers: webhook-id (= id, the same on every retry: deduplicate by it), webhook-timestamp (Unix seconds of the
/// attempt), webhook-signature (v1, and the base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}" under the
/// base64-decoded part of the secret after whsec_). Answer 2xx within 10 s; anything else is retried.
/// </summary>
public sealed class WebhookEvent
{
    /// <summary>The event's id (UUIDv7), also the webhook-id header.</summary>
    public Guid Id { get; init; }

    /// <summary>One of the closed list of event types (request.submitted, message.received, client.created, webhook.disabled, …), or webhook.test.</summary>
    public string Type { get; init; } = "";

    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>For a request's event: the request, its reference, its States and the status the change left it in.</summary>
    public Guid? RequestId { get; init; }

    public string? Reference { get; init; }
    public string? RequestingState { get; init; }
    public string? RequestedState { get; init; }
    public string? Status { get; init; }

    /// <summary>Who made the change: a State and role, or role system for the API itself.</summary>
    public required WebhookEventActor Actor { get; init; }

    /// <summary>A few facts of the change (for example fromStatus); never a request's content.</summary>
    public Dictionary<string, object?> Data { get; init; } = [];
}

public sealed class WebhookEventActor
{
    public string? State { get; init; }
    public string? Role { get; init; }
}
