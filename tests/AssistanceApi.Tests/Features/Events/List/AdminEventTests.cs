using System.Net;

using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Features.Events.List;

/// <summary>Client changes are their State administrator's events; directory changes the secretariat's.</summary>
public sealed class AdminEventTests(SharedApi api) : IClassFixture<SharedApi>
{
    [Fact]
    public async Task A_clients_creation_rotation_and_revocation_reach_its_state_admin_only()
    {
        var fraAdmin = api.As(DemoKeys.FraAdmin);
        var issued = await fraAdmin.CreateClientAsync("central-authority", "FRA", "events test");
        await fraAdmin.RotateAsync(issued.Id);
        await fraAdmin.RevokeAsync(issued.Id);

        var seen = (await fraAdmin.FollowAsync(api)).Events.Where(e => e["data"]!["target"].Str() == issued.Id).ToList();
        Assert.Equal(["client.created", "client.rotated", "client.revoked"], seen.Select(e => e["type"].Str()));
        Assert.All(seen, e => Assert.Equal("state-admin", e["actor"]!["role"].Str()));
        Assert.All(seen, e => Assert.Equal("FRA", e["actor"]!["state"].Str()));

        foreach (var other in new[] { DemoKeys.DeuAdmin, DemoKeys.Fra, DemoKeys.Secretariat, DemoKeys.Deu })
            Assert.DoesNotContain((await api.As(other).FollowAsync(api)).Events, e => e["data"]?["target"]?.ToString() == issued.Id);
    }

    [Fact]
    public async Task A_directory_change_reaches_the_secretariat_only()
    {
        var secretariat = api.As(DemoKeys.Secretariat);
        await (await secretariat.PutAsync("/api/v1/states/NOR", new StringContent(Bodies.StateBody().ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).ExpectAsync(HttpStatusCode.OK);

        Assert.Contains((await secretariat.FollowAsync(api, types: "directory.entry-changed")).Events, e => e["data"]!["target"].Str() == "NOR");
        foreach (var other in new[] { DemoKeys.Fra, DemoKeys.FraAdmin, DemoKeys.Deu247 })
            Assert.Empty((await api.As(other).FollowAsync(api, types: "directory.entry-changed")).Events);
    }
}
