using AssistanceApi.Webhooks;

namespace AssistanceApi.Tests.Webhooks;

public sealed class WebhookUrlsTests
{
    private static readonly WebhookOptions Production = new();
    private static readonly WebhookOptions Development = new() { AnyAddress = true };
    private static readonly WebhookOptions WithInternalHost = new() { AllowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "cms.internal" } };

    [Theory]
    [InlineData("https://hooks.example.org/assistance")]
    [InlineData("https://hooks.example.org:8443/a?b=c")]
    [InlineData("https://8.8.8.8/x")]
    [InlineData("https://xn--bcher-kva.example/hook")]
    public void A_public_https_url_is_accepted(string url) => Assert.Null(WebhookUrls.Refusal(url, Production));

    [Theory]
    [InlineData(null, "absolute")]
    [InlineData("/relative", "absolute")]
    [InlineData("ftp://example.org/", "absolute")]
    [InlineData("http://hooks.example.org/", "https")]
    [InlineData("https://user:pw@hooks.example.org/", "credentials")]
    [InlineData("https://127.0.0.1/", "loopback")]
    [InlineData("https://localhost/", "loopback")]
    [InlineData("https://[::1]/", "loopback")]
    [InlineData("https://10.0.0.5/", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "metadata")]
    [InlineData("https://[fd00:ec2::254]/", "metadata")]
    [InlineData("https://[64:ff9b::7f00:1]/x", "loopback")]
    [InlineData("https://hooks.exa\u200Bmple.org/", "ASCII")]
    [InlineData("https://b\u00FCcher.example/", "ASCII")]
    public void Outside_development_a_url_is_refused(string? url, string because) =>
        Assert.Contains(because, WebhookUrls.Refusal(url, Production));

    [Fact]
    public void Even_in_development_a_host_is_read_as_written() =>
        Assert.Contains("ASCII", WebhookUrls.Refusal("http://127.0.0.1\u200B:5000/hook".Replace("127.0.0.1\u200B", "loc\u200Balhost"), Development));

    [Fact]
    public void In_development_plain_http_to_loopback_is_accepted() =>
        Assert.Null(WebhookUrls.Refusal("http://127.0.0.1:5000/hook", Development));

    [Fact]
    public void An_allowed_host_may_be_internal_and_plain_http()
    {
        Assert.Null(WebhookUrls.Refusal("http://cms.internal/hook", WithInternalHost));
        Assert.Contains("https", WebhookUrls.Refusal("http://other.internal/hook", WithInternalHost));
    }

    [Fact]
    public void The_retry_schedule_reads_units()
    {
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), TimeSpan.FromDays(1)],
            WebhookOptions.ParseSchedule("50ms, 5s,5m,2h,1d"));
        Assert.Throws<InvalidOperationException>(() => WebhookOptions.ParseSchedule("5x"));
    }
}
