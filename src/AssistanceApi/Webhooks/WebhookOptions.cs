using System.Globalization;

namespace AssistanceApi.Webhooks;

/// <summary>
/// Webhooks:AllowedHosts (comma-separated host names that may be internal, and plain http), Webhooks:RetrySchedule
/// (waits after each failed attempt, default 5s,5m,30m,2h,8h,24h; after the last the subscription is disabled),
/// Webhooks:TimeoutSeconds (default 10), Webhooks:PollMilliseconds (how often the worker looks for due deliveries when
/// nothing wakes it), Webhooks:Concurrency (attempts in flight per instance, default 32), Webhooks:RotationOverlapHours
/// (how long a rotated secret still signs beside the new one, default 24; 0 for none).
/// In Development any address and plain http are allowed, for a receiver on the developer's machine.
/// </summary>
public sealed class WebhookOptions
{
    public const int MaxResponseBytes = 4096;

    public IReadOnlySet<string> AllowedHosts { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = DefaultSchedule;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);
    public int Concurrency { get; init; } = 32;
    public TimeSpan RotationOverlap { get; init; } = TimeSpan.FromHours(24);
    public bool AnyAddress { get; init; }

    /// <summary>How long a claim holds a delivery: an attempt is only started while it can end (time out) inside it.</summary>
    public TimeSpan LockFor => Timeout + TimeSpan.FromSeconds(20);

    public static readonly IReadOnlyList<TimeSpan> DefaultSchedule =
        [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromHours(24)];

    public bool IsAllowedHost(string host) => AllowedHosts.Contains(host.TrimEnd('.'));

    public static WebhookOptions From(IConfiguration config, bool development) => new()
    {
        AllowedHosts = new HashSet<string>(
            (config["Webhooks:AllowedHosts"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.OrdinalIgnoreCase),
        RetrySchedule = config["Webhooks:RetrySchedule"] is { Length: > 0 } schedule ? ParseSchedule(schedule) : DefaultSchedule,
        Timeout = TimeSpan.FromSeconds(config.GetValue("Webhooks:TimeoutSeconds", 10.0)),
        Poll = TimeSpan.FromMilliseconds(config.GetValue("Webhooks:PollMilliseconds", 1000)),
        Concurrency = Math.Clamp(config.GetValue("Webhooks:Concurrency", 32), 1, 1024),
        RotationOverlap = TimeSpan.FromHours(Math.Clamp(config.GetValue("Webhooks:RotationOverlapHours", 24.0), 0, 24 * 30)),
        AnyAddress = development,
    };

    /// <summary>"5s,5m,30m,2h,8h,24h": a number and a unit (ms, s, m, h, d) each.</summary>
    public static IReadOnlyList<TimeSpan> ParseSchedule(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseWait).ToList();

    private static TimeSpan ParseWait(string item)
    {
        var unitAt = item.IndexOfAny(['m', 's', 'h', 'd']);
        if (unitAt <= 0 || !double.TryParse(item[..unitAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
            throw new InvalidOperationException($"Webhooks:RetrySchedule: '{item}' is not a wait such as 500ms, 5s, 5m, 2h or 1d.");
        return item[unitAt..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => throw new InvalidOperationException($"Webhooks:RetrySchedule: '{item}' has an unknown unit (ms, s, m, h, d)."),
        };
    }
}
