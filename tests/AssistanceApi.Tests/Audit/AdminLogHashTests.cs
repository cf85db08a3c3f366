using System.Text;
using AssistanceApi.Audit;

namespace AssistanceApi.Tests.Audit;

/// <summary>
/// Every stored admin log was signed over these bytes under its chain key: the bytes, hashes and seals below were
/// computed once and are pinned here, so a change to how an event is written shows before stored logs stop verifying.
/// </summary>
public sealed class AdminLogHashTests
{
    private const string Key = "golden-audit-chain-key-0123456789abcdef";
    private const string KeyId = "8fa11a34fef805c3";
    private static readonly DateTimeOffset At = new(2026, 11, 27, 21, 45, 1, 123, 456, TimeSpan.Zero);

    [Fact]
    public void An_event_by_a_state_admin_signs_these_bytes_and_gives_this_hash()
    {
        var e = new AdminLogEvent
        {
            Log = "FRA", Sequence = 3, At = At, Action = AdminLogs.ClientRotated,
            ActorClient = Guid.Parse("019a4a3e-0000-7000-8000-000000000002"), ActorState = "FRA", ActorRole = "state-admin",
            Target = "019a4a3e-0000-7000-8000-000000000003", Details = """{"keyPrefix":"0badc0de"}""", PreviousHash = new string('a', 64),
        };

        Assert.Equal(
            "[\"FRA\",3,\"2026-11-27T21:45:01.123456Z\",\"client-rotated\",\"019a4a3e-0000-7000-8000-000000000002\",\"FRA\",\"state-admin\"," +
            "\"019a4a3e-0000-7000-8000-000000000003\",\"{\\u0022keyPrefix\\u0022:\\u00220badc0de\\u0022}\",\"" + new string('a', 64) + "\"]",
            Encoding.UTF8.GetString(AdminLogHash.Canonical(e)));

        AdminLogHash.Sign(e, new ChainKeys(Key));
        Assert.Equal(KeyId, e.KeyId);
        Assert.Equal("08750e024dab224ce72583bafc1e87b76bdc18a479ae1fcc95792abd6d6af9be", e.Hash);
    }

    [Fact]
    public void An_event_of_the_CLI_has_no_actor_and_signs_these_bytes()
    {
        var e = new AdminLogEvent
        {
            Log = AdminLogs.Secretariat, Sequence = 1, At = At, Action = AdminLogs.ClientCreated,
            Target = "019a4a3e-0000-7000-8000-000000000004", Details = "{}", PreviousHash = AdminLogHash.Genesis,
        };

        Assert.Equal(
            "[\"secretariat\",1,\"2026-11-27T21:45:01.123456Z\",\"client-created\",null,null,null," +
            "\"019a4a3e-0000-7000-8000-000000000004\",\"{}\",\"" + AdminLogHash.Genesis + "\"]",
            Encoding.UTF8.GetString(AdminLogHash.Canonical(e)));

        AdminLogHash.Sign(e, new ChainKeys(Key));
        Assert.Equal(KeyId, e.KeyId);
        Assert.Equal("7669d370b5a2a47cd73ad2dd335f96863acdf4862aef4a42e649f080446f0535", e.Hash);
    }

    [Fact]
    public void A_logs_tip_is_sealed_over_these_bytes()
    {
        const string last = "08750e024dab224ce72583bafc1e87b76bdc18a479ae1fcc95792abd6d6af9be";
        var tip = AdminLogHash.TipBytes("FRA", 3, last);

        Assert.Equal($"[\"uncc-admin-log-tip/1\",\"FRA\",3,\"{last}\"]", Encoding.UTF8.GetString(tip));
        Assert.Equal(KeyId + ":3b4a2bb7dbd8c345164eeaed99028bdf33710491174594664c518d26ce575962", new ChainKeys(Key).Seal(tip));
    }
}
