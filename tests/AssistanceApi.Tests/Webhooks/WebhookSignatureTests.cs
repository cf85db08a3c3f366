using System.Security.Cryptography;
using System.Text;
using AssistanceApi.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace AssistanceApi.Tests.Webhooks;

/// <summary>Our signatures are the Standard Webhooks ones: the package's own verifier and the specification's algorithm agree.</summary>
public sealed class WebhookSignatureTests
{
    private const string Body = """{"id":"0193a000-0000-7000-8000-000000000001","type":"webhook.test"}""";

    private static HeaderDictionary Headers(string secret, string id, DateTimeOffset at, string body) => new()
    {
        [WebhookSignature.IdHeader] = id,
        [WebhookSignature.TimestampHeader] = at.ToUnixTimeSeconds().ToString(),
        [WebhookSignature.SignatureHeader] = WebhookSignature.Sign(secret, id, at, body),
    };

    [Fact]
    public void The_packages_verifier_accepts_our_signature()
    {
        var secret = WebhookSecrets.Generate();
        var id = Guid.CreateVersion7().ToString();

        new StandardWebhook(secret).Verify(Body, Headers(secret, id, DateTimeOffset.UtcNow, Body));
    }

    [Fact]
    public void The_packages_verifier_refuses_another_body_or_another_secret()
    {
        var secret = WebhookSecrets.Generate();
        var headers = Headers(secret, "msg_1", DateTimeOffset.UtcNow, Body);

        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(Body + " ", headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecrets.Generate()).Verify(Body, headers));
    }

    [Fact]
    public void During_a_rotations_overlap_the_packages_verifier_accepts_either_secret_and_refuses_a_third()
    {
        var (current, previous) = (WebhookSecrets.Generate(), WebhookSecrets.Generate());
        var at = DateTimeOffset.UtcNow;
        var headers = new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = "msg_1",
            [WebhookSignature.TimestampHeader] = at.ToUnixTimeSeconds().ToString(),
            [WebhookSignature.SignatureHeader] = WebhookSignature.Sign([current, previous], "msg_1", at, Body),
        };

        var signatures = headers[WebhookSignature.SignatureHeader].ToString().Split(' ');
        Assert.Equal(2, signatures.Distinct().Count());
        Assert.Equal(signatures[0], signatures[^1]); // the package compares every signature but the last
        new StandardWebhook(current).Verify(Body, headers);
        new StandardWebhook(previous).Verify(Body, headers);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecrets.Generate()).Verify(Body, headers));
    }

    [Fact]
    public void The_signature_is_v1_and_the_base64_HMAC_SHA256_of_id_timestamp_and_body_under_the_secrets_bytes()
    {
        var secret = WebhookSecrets.Generate();
        var at = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"msg_1.1800000000.{Body}")));

        Assert.Equal(expected, WebhookSignature.Sign(secret, "msg_1", at, Body));
    }

    [Fact]
    public void A_secret_is_whsec_and_32_random_bytes_in_base64()
    {
        var secret = WebhookSecrets.Generate();

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret[6..]).Length);
        Assert.NotEqual(secret, WebhookSecrets.Generate());
    }
}
