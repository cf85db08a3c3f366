using System.Security.Cryptography;
using AssistanceApi.Audit;
using AssistanceApi.Webhooks;

namespace AssistanceApi.Tests.Webhooks;

/// <summary>A signing secret at rest: sealed under a key derived from the audit chain key, opened only for its own subscription.</summary>
public sealed class WebhookSecretsTests
{
    private const string ChainKey = "webhook-secrets-test-chain-key-0123456789";
    private static WebhookSecrets Secrets(string current, params string[] previous) => new(new Lazy<ChainKeys>(new ChainKeys(current, previous)));

    [Fact]
    public void A_sealed_secret_opens_to_itself_and_holds_nothing_of_it_in_clear()
    {
        var secret = WebhookSecrets.Generate();
        var id = Guid.CreateVersion7();

        var sealedSecret = Secrets(ChainKey).Seal(id, secret);

        Assert.Equal(secret, Secrets(ChainKey).Open(id, sealedSecret));
        Assert.DoesNotContain(secret[6..], sealedSecret);
        Assert.StartsWith(ChainKeys.IdOf(ChainKey) + ":", sealedSecret);
        Assert.NotEqual(sealedSecret, Secrets(ChainKey).Seal(id, secret)); // a fresh nonce each time
    }

    [Fact]
    public void A_sealed_secret_copied_to_another_subscription_does_not_open()
    {
        var sealedSecret = Secrets(ChainKey).Seal(Guid.CreateVersion7(), WebhookSecrets.Generate());

        Assert.ThrowsAny<CryptographicException>(() => Secrets(ChainKey).Open(Guid.CreateVersion7(), sealedSecret));
    }

    [Fact]
    public void After_a_chain_key_rotation_the_previous_key_still_opens_and_a_forgotten_one_does_not()
    {
        var id = Guid.CreateVersion7();
        var secret = WebhookSecrets.Generate();
        var sealedSecret = Secrets(ChainKey).Seal(id, secret);
        const string newKey = "webhook-secrets-test-new-chain-key-9876543210";

        Assert.Equal(secret, Secrets(newKey, ChainKey).Open(id, sealedSecret));
        Assert.ThrowsAny<CryptographicException>(() => Secrets(newKey).Open(id, sealedSecret));
    }

    [Fact]
    public void The_encryption_key_is_not_the_chain_key_nor_its_hmac_key_material()
    {
        var keys = new ChainKeys(ChainKey);
        var derived = keys.Derive(keys.CurrentId, "assistance-api/webhook-secret/v1")!;

        Assert.Equal(32, derived.Length);
        Assert.NotEqual(derived, keys.Derive(keys.CurrentId, "another purpose"));
        Assert.Null(keys.Derive("unknown", "assistance-api/webhook-secret/v1"));
    }
}
