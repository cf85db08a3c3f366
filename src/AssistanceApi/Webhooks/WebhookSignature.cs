using StandardWebhooks;

namespace AssistanceApi.Webhooks;

/// <summary>
/// The Standard Webhooks headers of one attempt: webhook-id (the event's id, the same on every retry),
/// webhook-timestamp (Unix seconds of this attempt) and webhook-signature (<c>v1,</c> and the base64 HMAC-SHA256
/// of "{id}.{timestamp}.{body}" under the secret's bytes; during a rotation's overlap one under each secret, separated
/// by a space, as the specification provides so that a receiver verifies with whichever it holds).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id", TimestampHeader = "webhook-timestamp", SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, DateTimeOffset timestamp, string body) =>
        new StandardWebhook(secret).Sign(id, timestamp, body);

    /// <summary>
    /// One signature a secret, the current first. With more than one, the first is written again at the end: the
    /// StandardWebhooks package (1.1.2) leaves its loop before comparing the last signature of a list, so without the
    /// repeat a receiver on it holding the old secret would refuse every delivery of the overlap. A verifier that reads
    /// the whole list, as the specification asks, finds the same signatures either way.
    /// </summary>
    public static string Sign(IReadOnlyList<string> secrets, string id, DateTimeOffset timestamp, string body)
    {
        var signatures = secrets.Select(secret => Sign(secret, id, timestamp, body)).ToList();
        if (signatures.Count > 1) signatures.Add(signatures[0]);
        return string.Join(' ', signatures);
    }

    public static void Apply(HttpRequestMessage message, IReadOnlyList<string> secrets, string id, DateTimeOffset timestamp, string body)
    {
        message.Headers.TryAddWithoutValidation(IdHeader, id);
        message.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.TryAddWithoutValidation(SignatureHeader, Sign(secrets, id, timestamp, body));
    }
}
