using System.Security.Cryptography;
using System.Text;
using AssistanceApi.Audit;

namespace AssistanceApi.Webhooks;

/// <summary>
/// A subscription's signing secret: <c>whsec_</c> and 32 random bytes in base64, shown once to its owner. The server
/// must sign with it later, so it is kept encrypted, never hashed: AES-256-GCM under a key derived (HKDF) from the
/// audit chain key with a label of its own, sealed as <c>keyId:base64(nonce|ciphertext|tag)</c> so a rotated chain
/// key still opens the secrets it sealed. The subscription id is the associated data: a sealed secret copied onto
/// another subscription does not open.
/// </summary>
public sealed class WebhookSecrets(Lazy<ChainKeys> keys)
{
    public const string Prefix = "whsec_";
    private const string Label = "assistance-api/webhook-secret/v1";
    private const int NonceBytes = 12, TagBytes = 16;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Seal(Guid subscriptionId, string secret)
    {
        var keyId = keys.Value.CurrentId;
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Value.Derive(keyId, Label)!, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Associated(subscriptionId));
        return $"{keyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string Open(Guid subscriptionId, string sealedSecret)
    {
        var colon = sealedSecret.IndexOf(':');
        var key = colon > 0 ? keys.Value.Derive(sealedSecret[..colon], Label) : null;
        if (key is null)
            throw new CryptographicException("A webhook secret was sealed under an audit chain key that is no longer configured (Audit:PreviousChainKeys).");
        var bytes = Convert.FromBase64String(sealedSecret[(colon + 1)..]);
        var plain = new byte[bytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, plain.Length), bytes.AsSpan(NonceBytes + plain.Length), plain, Associated(subscriptionId));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Associated(Guid subscriptionId) => Encoding.ASCII.GetBytes(subscriptionId.ToString("D"));
}
