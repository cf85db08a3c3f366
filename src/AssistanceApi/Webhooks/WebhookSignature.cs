using StandardWebhooks;

namespace AssistanceApi.Webhooks;

/// <summary>
/// The Standard Webhooks headers of one attempt: webhook-id (the event's id, the same on every retry),
/// webhook-timestamp (Unix seconds of this attempt) and webhook-signature (<c>v1,</c> and the base64 HMAC-SHA256
/// of "{id}.{timestamp}.{body}" under the secret's bytes).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id", TimestampHeader = "webhook-timestamp", SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, DateTimeOffset timestamp, string body) =>
        new StandardWebhook(secret).Sign(id, timestamp, body);

    public static void Apply(HttpRequestMessage message, string secret, string id, DateTimeOffset timestamp, string body)
    {
        message.Headers.TryAddWithoutValidation(IdHeader, id);
        message.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.TryAddWithoutValidation(SignatureHeader, Sign(secret, id, timestamp, body));
    }
}
