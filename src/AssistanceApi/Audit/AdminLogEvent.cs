using AssistanceApi.Domain.Events;

namespace AssistanceApi.Audit;

/// <summary>One event of an admin log, as stored in admin_events. Actor fields are null for the server's CLI.</summary>
public sealed class AdminLogEvent
{
    public string Log { get; init; } = "";
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public string Action { get; init; } = "";
    public Guid? ActorClient { get; init; }
    public string? ActorState { get; init; }
    public string? ActorRole { get; init; }
    public string Target { get; init; } = "";
    public string Details { get; init; } = "{}";
    public string PreviousHash { get; init; } = "";
    public string? KeyId { get; set; }
    public string Hash { get; set; } = "";
}

public static class AdminLogs
{
    /// <summary>The log of the secretariat's own clients, which belong to no State.</summary>
    public const string Secretariat = "secretariat";

    /// <summary>A State's clients and directory entry log to the State; clients of no State to the secretariat's log.</summary>
    public static string For(string? state) => state ?? Secretariat;

    public const string ClientCreated = "client-created";
    public const string ClientRotated = "client-rotated";
    public const string ClientRevoked = "client-revoked";
    public const string DirectoryUpdated = "directory-updated";

    /// <summary>The actor role of a change made by the server's CLI, which no client makes.</summary>
    public const string Operator = "operator";

    /// <summary>The event an admin-log action announces.</summary>
    public static EventType EventTypeOf(string action) => action switch
    {
        ClientCreated => EventTypes.ClientCreated,
        ClientRotated => EventTypes.ClientRotated,
        ClientRevoked => EventTypes.ClientRevoked,
        DirectoryUpdated => EventTypes.DirectoryEntryChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No event type for this admin-log action."),
    };
}
