using AssistanceApi.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AssistanceApi.Tests.Audit;

/// <summary>
/// Where the chain key comes from: required outside Development, generated once in Development. That the built server
/// refuses to start without one is shown on the process itself, in SystemTests.ChainKeyRequiredTests.
/// </summary>
public sealed class ChainKeyStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-chain-key-").FullName;

    private static ChainKeys Load(string environment, Dictionary<string, string?> settings, string folder) =>
        ChainKeySource.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = environment }, folder);

    [Fact]
    public void Development_generates_a_key_once_beside_the_database_readable_by_the_owner_only()
    {
        var first = Load(Environments.Development, [], _folder);
        var file = Path.Combine(_folder, ChainKeySource.GeneratedFileName);

        Assert.True(File.Exists(file));
        Assert.True(File.ReadAllText(file).Length >= ChainKeys.MinimumLength);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(first.CurrentId, Load(Environments.Development, [], _folder).CurrentId);
        Assert.Equal(ChainKeys.IdOf(File.ReadAllText(file)), first.CurrentId);
    }

    [Fact]
    public void A_key_file_is_read_and_outside_Development_nothing_is_generated()
    {
        var file = Path.Combine(_folder, "chain.key");
        File.WriteAllText(file, "key-from-a-file-0123456789abcdefghij\n");

        Assert.Equal(ChainKeys.IdOf("key-from-a-file-0123456789abcdefghij"),
            Load(Environments.Production, new() { ["Audit:ChainKeyFile"] = file }, _folder).CurrentId);
        Assert.Throws<ChainKeyException>(() => Load(Environments.Production, [], _folder));
        Assert.False(File.Exists(Path.Combine(_folder, ChainKeySource.GeneratedFileName)));
    }

    [Fact]
    public void The_newest_key_signs_and_every_listed_key_verifies()
    {
        var old = Load(Environments.Production, new() { ["Audit:ChainKey"] = "old-audit-chain-key-0123456789abcdef" }, _folder);
        var rotated = Load(Environments.Production, new()
        {
            ["Audit:ChainKey"] = "new-audit-chain-key-0123456789abcdef",
            ["Audit:PreviousChainKeys:0"] = "old-audit-chain-key-0123456789abcdef",
        }, _folder);
        var signed = old.Sign("event"u8);

        Assert.NotEqual(old.CurrentId, rotated.CurrentId);
        Assert.True(rotated.Verify(signed.KeyId, "event"u8, signed.Hash));
        Assert.False(rotated.Verify(signed.KeyId, "other"u8, signed.Hash));
        Assert.Equal(rotated.CurrentId, rotated.Sign("event"u8).KeyId);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
