using AssistanceApi.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AssistanceApi.Host;

/// <summary>
/// OpenTelemetry, off unless asked for: traces and metrics go out over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the
/// standard OTEL_* variables configure the exporter; OTEL_TRACES_EXPORTER or OTEL_METRICS_EXPORTER=none turns a signal
/// off), and Prometheus may scrape /metrics when Telemetry:PrometheusEnabled is true — only on Telemetry:PrometheusPort
/// when that is set, so a deployment keeps it off its public port (docs/adr/0010).
/// </summary>
public static class TelemetrySetup
{
    public const string ScrapePath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var traces = otlp && !IsNone(config["OTEL_TRACES_EXPORTER"]);
        var otlpMetrics = otlp && !IsNone(config["OTEL_METRICS_EXPORTER"]);
        var prometheus = config.GetValue("Telemetry:PrometheusEnabled", false);
        if (!traces && !otlpMetrics && !prometheus) return builder;

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("assistance-api"));
        if (traces)
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter());
        if (otlpMetrics || prometheus)
            telemetry.WithMetrics(m =>
            {
                m.AddMeter(AssistanceMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsqlInstrumentation();
                if (otlpMetrics) m.AddOtlpExporter();
                if (prometheus) m.AddPrometheusExporter();
            });
        return builder;
    }

    /// <summary>First in the pipeline, so a scrape meets no redirect, key or rate limit: who may reach it is the network's business.</summary>
    public static WebApplication UsePrometheusScraping(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Telemetry:PrometheusEnabled", false)) return app;
        var port = app.Configuration.GetValue<int?>("Telemetry:PrometheusPort");
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == ScrapePath && (port is null || http.Connection.LocalPort == port));
        return app;
    }

    private static bool IsNone(string? exporter) => string.Equals(exporter?.Trim(), "none", StringComparison.OrdinalIgnoreCase);

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(ScrapePath);
}
