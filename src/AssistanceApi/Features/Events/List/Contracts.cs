using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistanceApi.Features.Events.List;

/// <summary>One page of the feed, oldest first. Pass <see cref="NextCursor"/> back as <c>after</c>: it is set once a page held an event.</summary>
public sealed class EventPage
{
    public required IReadOnlyList<EventItem> Items { get; init; }

    /// <summary>Where the next call starts; the <c>after</c> given when this page is empty (null if none was given).</summary>
    public string? NextCursor { get; init; }
}

/// <summary>What happened, not the content: fetch the request with your own key to see it.</summary>
public sealed class EventItem
{
    /// <summary>The event's id (UUIDv7), the same in the feed and in a webhook's <c>webhook-id</c>.</summary>
    public required Guid Id { get; init; }

    /// <summary>One of the closed list of types, e.g. <c>request.submitted</c>.</summary>
    public required string Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Guid? RequestId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reference { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RequestingState { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? RequestedState { get; init; }

    /// <summary>The request's status as the change left it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }

    public required EventActor Actor { get; init; }

    /// <summary>A small object particular to the type (e.g. the message's id); never the request's content.</summary>
    public required JsonElement Data { get; init; }
}

/// <summary>Who acted: a State's client in a role, the server's operator, or the API itself (role <c>system</c>, no State).</summary>
public sealed class EventActor
{
    public string? State { get; init; }
    public required string Role { get; init; }
}
