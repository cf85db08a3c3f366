using System.Globalization;
using System.Threading.RateLimiting;
using AssistanceApi.Telemetry;
using Microsoft.AspNetCore.RateLimiting;

namespace AssistanceApi.Http;

/// <summary>A fixed window of RateLimiting:PermitsPerMinute per client (per address before authentication), so one client's burst never limits another.</summary>
public static class RateLimits
{
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("RateLimiting:PermitsPerMinute", 600);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                }));
            options.OnRejected = async (context, _) =>
            {
                AssistanceMetrics.RateLimited(byClient: CallingClient.Of(context.HttpContext) is not null);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await ProblemWriter.WriteAsync(context.HttpContext, new Problem
                {
                    Title = "Too Many Requests", Status = 429, Type = Problems.TypeFor("rate-limited"),
                    Detail = $"This client may make {permits} requests a minute; retry after the time in Retry-After.",
                });
            };
        });
        return services;
    }

    private static string PartitionOf(HttpContext http) =>
        CallingClient.Of(http)?.RateLimitPartition ?? "address:" + http.Connection.RemoteIpAddress;
}
