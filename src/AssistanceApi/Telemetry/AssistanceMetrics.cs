using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AssistanceApi.Telemetry;

/// <summary>
/// The API's domain metrics: one Meter, every instrument and its name here (docs/telemetry.md lists them; the Grafana
/// dashboard is checked against <see cref="Names"/>). Counters and histograms only, tags passed as a struct list:
/// recording allocates nothing, and with no listener (telemetry off) it costs a branch.
/// </summary>
public static class AssistanceMetrics
{
    public const string MeterName = "AssistanceApi";

    public const string RequestTransitions = "assistance.request.transitions";
    public const string TreatyFindings = "assistance.treaty.findings";
    public const string AcknowledgementBreaches = "assistance.acknowledgement.breaches";
    public const string GroupCommitBatchSize = "assistance.group_commit.batch_size";
    public const string GroupCommitWait = "assistance.group_commit.wait";
    public const string RateLimitRejections = "assistance.rate_limit.rejections";
    public const string WebhookAttempts = "assistance.webhook.attempts";
    public const string WebhookLag = "assistance.webhook.lag";
    public const string DocumentBytes = "assistance.document.bytes";

    /// <summary>Every instrument's name, for the tests that hold docs/telemetry.md and the dashboard to the code.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        RequestTransitions, TreatyFindings, AcknowledgementBreaches, GroupCommitBatchSize, GroupCommitWait, RateLimitRejections,
        WebhookAttempts, WebhookLag, DocumentBytes,
    ];

    private static readonly Meter Meter = new(MeterName, typeof(AssistanceMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Transitions = Meter.CreateCounter<long>(RequestTransitions, "{transition}",
        "Requests changing status, by kind and by the status before and after (a draft created counts from none).");

    private static readonly Counter<long> Findings = Meter.CreateCounter<long>(TreatyFindings, "{finding}",
        "Treaty findings reported by a validation or a submission, by rule code and severity.");

    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>(AcknowledgementBreaches, "{request}",
        "Requests not acknowledged by acknowledgeBy, counted once when the deadline sweep announces it, by kind.");

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram(GroupCommitBatchSize, "{unit}",
        "Units of work committed together by SQLite's group commit, one measurement a batch.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });

    private static readonly Histogram<double> BatchWait = Meter.CreateHistogram(GroupCommitWait, "s",
        "From a unit of work entering SQLite's write queue to its batch being durable.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static readonly Counter<long> Rejections = Meter.CreateCounter<long>(RateLimitRejections, "{request}",
        "Calls refused with 429 by this instance's per-client limit, by partition (client or address).");

    internal static readonly Counter<long> Attempts = Meter.CreateCounter<long>(WebhookAttempts, "{attempt}",
        "Webhook delivery attempts recorded, by outcome: delivered, pending (to be retried), failed (the last try failed).");

    internal static readonly Histogram<double> Lag = Meter.CreateHistogram(WebhookLag, "s",
        "From an event occurring to its webhook delivery succeeding.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 7200, 86400] });

    /// <summary>Ready for documents (not yet in the API): content bytes received and served, by direction (in, out).</summary>
    private static readonly Counter<long> Documents = Meter.CreateCounter<long>(DocumentBytes, "By",
        "Document content bytes received (direction=in) and served (direction=out).");

    /// <summary>The status a request comes from when it is drafted.</summary>
    public const string NoStatus = "none";

    public static void Transition(string kind, string from, string to) =>
        Transitions.Add(1, new TagList { { "kind", kind }, { "from", from }, { "to", to } });

    public static void Finding(string rule, string severity) =>
        Findings.Add(1, new TagList { { "rule", rule }, { "severity", severity } });

    public static void AcknowledgementBreach(string? kind) => Breaches.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void GroupCommitted(int units) => BatchSize.Record(units);

    public static void GroupCommitWaited(TimeSpan wait) => BatchWait.Record(wait.TotalSeconds);

    public static void RateLimited(bool byClient) =>
        Rejections.Add(1, new KeyValuePair<string, object?>("partition", byClient ? "client" : "address"));

    public static void DocumentTransferred(string direction, long bytes) =>
        Documents.Add(bytes, new KeyValuePair<string, object?>("direction", direction));
}
