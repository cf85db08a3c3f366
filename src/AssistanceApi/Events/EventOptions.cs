namespace AssistanceApi.Events;

/// <summary>Events:RetentionDays (default 90): how long the feed keeps an event. Events:ExpiringNoticeDays (default 7): how long before a preservation ends it is announced as expiring.</summary>
public sealed record EventOptions(int RetentionDays = 90, int ExpiringNoticeDays = 7)
{
    public static EventOptions From(IConfiguration config) => new(
        config.GetValue("Events:RetentionDays", 90),
        config.GetValue("Events:ExpiringNoticeDays", 7));
}
