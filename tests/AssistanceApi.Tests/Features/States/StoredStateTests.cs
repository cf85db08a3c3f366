using System.Text.Json;
using AssistanceApi.Domain;
using AssistanceApi.Features.States;
using AssistanceApi.Tests.Support;
using Office = AssistanceApi.Features.States.Office;

namespace AssistanceApi.Tests.Features.States;

/// <summary>
/// <see cref="StoredState"/> writes, straight from a stored directory entry, the bytes the serializer writes for the
/// <see cref="StateEntry"/> read from it: the stored names, order and values are the wire's.
/// </summary>
public sealed class StoredStateTests
{
    private static readonly JsonSerializerOptions Wire = WireJson.Options;

    private const string Awkward = "Côte d'Ivoire — 漢字 😀 <b>&amp;</b> \"q\" back\\slash\nline\ttab\u2028 +225 \u00a0§";

    public static TheoryData<string, StateEntry> Entries() => new()
    {
        {
            "every field, awkward text", new StateEntry
            {
                Code = "CIV", Name = Awkward,
                Convention = new ConventionStatus { Status = ConventionStatusKind.Party, SignedOn = new DateOnly(2025, 10, 25), RatifiedOn = new DateOnly(2026, 2, 28), InForceOn = new DateOnly(2026, 3, 30) },
                CentralAuthority = new Office { Name = Awkward, Email = "ca@civ.example.org", Phone = "+225 27 00 00 00" },
                ContactPoint = new Office { Name = "24/7", Email = null, Phone = "+225 27 00 00 01" },
                AcceptedLanguages = ["fr", "en"],
                Declarations = new Declarations { RequiresDualCriminality = true, AcceptsRealTimeTrafficCollection = false, AcceptsContentInterception = null, RequiresRequestLetter = true },
                Source = Awkward, AsOf = new DateOnly(2026, 12, 1),
            }
        },
        {
            "nothing known", new StateEntry
            {
                Code = "USA", Name = "United States", Convention = new ConventionStatus { Status = ConventionStatusKind.None },
                Declarations = new Declarations(), AsOf = new DateOnly(2026, 11, 27),
            }
        },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Writes_the_bytes_the_serializer_writes_for_the_entry(string _, StateEntry entry)
    {
        var stored = entry.ToDocument().Write(); // as the seeder and the directory update store it

        Assert.Equal(JsonSerializer.Serialize(entry, Wire), JsonSerializer.Serialize(new StoredState(stored), Wire));
    }

    [Fact]
    public void Is_never_read_from_a_body() =>
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<StoredState>("""{"code":"FRA"}""", Wire));
}
