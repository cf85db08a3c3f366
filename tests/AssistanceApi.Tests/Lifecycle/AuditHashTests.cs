using System.Text;
using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Persistence;

namespace AssistanceApi.Tests.Lifecycle;

/// <summary>
/// Every stored chain was hashed over the canonical bytes as first defined: the serializer's output for an object
/// array of the fields. However they are written now, the bytes must stay those, or old chains stop verifying.
/// </summary>
public sealed class AuditHashTests
{
    private static byte[] AsFirstDefined(AuditEvent e) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object?[]
    {
        e.RequestId.ToString("D"), e.Sequence, TypeHandlers.Format(e.At), e.Action, e.ActorState,
        e.ActorClient.ToString("D"), e.FromStatus, e.ToStatus, e.Details, e.PreviousHash,
    }));

    public static TheoryData<string?, string?, string> Texts => new()
    {
        { "FRA", null, "{}" },
        { null, "submitted", """{"reason":"\"quoted\" <b>&amp;</b> 'single'"}""" },
        { "DEU", "refused", """{"note":"Ünïcødé — 中文 — emoji 🇫🇷 — tab\t and newline\n"}""" },
        { "BRA", "in-execution", "{\"lone\":\"\\ud800\"}" },
        { "KEN", "", "\u001f\u007f\u2028\u2029" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_canonical_bytes_are_those_every_stored_chain_was_hashed_over(string? actorState, string? toStatus, string details)
    {
        var e = new AuditEvent
        {
            RequestId = Guid.Parse("019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192"), Sequence = 42,
            At = new DateTimeOffset(2026, 11, 27, 21, 45, 1, 123, 456, TimeSpan.Zero), Action = "refuse",
            ActorState = actorState, ActorClient = Guid.Parse("019a4a3e-0000-7000-8000-000000000001"),
            FromStatus = "acknowledged", ToStatus = toStatus, Details = details, PreviousHash = AuditHash.Genesis,
        };

        Assert.Equal(AsFirstDefined(e), AuditHash.Canonical(e));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(AsFirstDefined(e))), AuditHash.Compute(e));
    }
}
