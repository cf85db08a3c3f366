using System.Text;
using AssistanceApi.Audit;

namespace AssistanceApi.Tests.Audit;

/// <summary>
/// Every stored chain was hashed over the canonical bytes as first defined: the serializer's output for an object
/// array of the fields. However they are written now, the bytes must stay those, or old chains stop verifying: the
/// hashes below were computed once from those bytes and are pinned here, not computed again by the test.
/// </summary>
public sealed class AuditHashTests
{
    /// <summary>actorState, toStatus, details, and the SHA-256 of the unkeyed recipe's bytes for them.</summary>
    public static TheoryData<string?, string?, string, string> Texts => new()
    {
        { "FRA", null, "{}", "3756f6403051c43ac97754668fd6dd73378cd9bfbf84267cbc84f934143de4bf" },
        { null, "submitted", """{"reason":"\"quoted\" <b>&amp;</b> 'single'"}""", "b765886acec68f505f8ec88afcb8d979e992ca6ec6fff4e3c7e2fe3c607fca72" },
        { "DEU", "refused", """{"note":"Ünïcødé — 中文 — emoji 🇫🇷 — tab\t and newline\n"}""", "71ddb5f93167aa0a8ec215d43d8ef98d69d9b29a9021f3889b24b8e136a15525" },
        { "BRA", "in-execution", "{\"lone\":\"\\ud800\"}", "88b3d2c49ec5d769d52156a2542a8b72d57a8a55eeb2075f67ef2a539f1ca538" },
        { "KEN", "", "\u001f\u007f\u2028\u2029", "7ef0d759092f9775d7122437a7689862aa8f282a6ed2eb3e81c48032110c308b" },
    };

    /// <summary>The unkeyed event of the table: one refusal, with the fields the table varies.</summary>
    private static AuditEvent Refusal(string? actorState, string? toStatus, string details) => new()
    {
        RequestId = Guid.Parse("019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192"), Sequence = 42,
        At = new DateTimeOffset(2026, 11, 27, 21, 45, 1, 123, 456, TimeSpan.Zero), Action = "refuse",
        ActorState = actorState, ActorClient = Guid.Parse("019a4a3e-0000-7000-8000-000000000001"),
        FromStatus = "acknowledged", ToStatus = toStatus, Details = details, PreviousHash = AuditHash.Genesis,
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_canonical_bytes_are_those_every_stored_chain_was_hashed_over(string? actorState, string? toStatus, string details, string golden)
    {
        var e = Refusal(actorState, toStatus, details);

        Assert.Equal(golden, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(AuditHash.Canonical(e))));
        Assert.Equal(golden, AuditHash.Compute(e));
    }

    [Fact]
    public void The_bytes_are_a_JSON_array_of_the_fields_with_nulls_as_null()
    {
        var e = Refusal("FRA", null, "{}");

        Assert.Equal(
            "[\"019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192\",42,\"2026-11-27T21:45:01.123456Z\",\"refuse\",\"FRA\"," +
            "\"019a4a3e-0000-7000-8000-000000000001\",\"acknowledged\",null,\"{}\",\"" + AuditHash.Genesis + "\"]",
            Encoding.UTF8.GetString(AuditHash.Canonical(e)));
    }

    [Fact]
    public void The_keyed_recipe_signs_these_bytes_and_gives_this_hash()
    {
        var e = new AuditEvent
        {
            RequestId = Guid.Parse("019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192"), Sequence = 7,
            At = new DateTimeOffset(2026, 11, 27, 21, 45, 1, 123, 456, TimeSpan.Zero), Action = "message",
            ActorState = "FRA", ActorClient = Guid.Parse("019a4a3e-0000-7000-8000-000000000001"),
            FromStatus = "acknowledged", ToStatus = "acknowledged", Details = """{"messageId":"m","kind":"other"}""",
            PreviousHash = new string('a', 64), PriorDigest = new string('d', 64), StateDigest = new string('b', 64),
        };
        var keys = new ChainKeys("golden-audit-chain-key-0123456789abcdef");

        Assert.Equal(
            "[\"uncc-audit-event/2\",\"019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192\",7,\"2026-11-27T21:45:01.123456Z\",\"message\",\"FRA\"," +
            "\"019a4a3e-0000-7000-8000-000000000001\",\"acknowledged\",\"acknowledged\"," +
            "\"{\\u0022messageId\\u0022:\\u0022m\\u0022,\\u0022kind\\u0022:\\u0022other\\u0022}\"," +
            "\"" + new string('d', 64) + "\",\"" + new string('b', 64) + "\",\"" + new string('c', 64) + "\",\"" + new string('a', 64) + "\"]",
            Encoding.UTF8.GetString(AuditHash.KeyedCanonical(e, new string('c', 64))));

        AuditHash.Sign(e, keys, new string('c', 64));
        Assert.Equal(GoldenKeyId, e.KeyId);
        Assert.Equal(GoldenHash, e.Hash);
        Assert.True(AuditHash.Verifies(e, keys, new string('c', 64)));
        Assert.False(AuditHash.Verifies(e, keys, null));
        Assert.False(AuditHash.Verifies(e, new ChainKeys("another-audit-chain-key-0123456789abcdef"), new string('c', 64)));
    }

    private const string GoldenKeyId = "8fa11a34fef805c3";
    private const string GoldenHash = "963e9bbe3d959e875e71eefcf8e833b5eb71c9d3173c8774d2758ff9926f9e08";
}
