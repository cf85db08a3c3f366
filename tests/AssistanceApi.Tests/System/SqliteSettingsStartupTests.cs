#if !POSTGRES
using System.Diagnostics;
using System.Text;
using AssistanceApi.Tests.Support;

// The settings SQLite takes only before it starts (ADR 0016), made by the server as an operator runs it: in its own
// process, where the migrations open the file right after the database is set up.
namespace AssistanceApi.Tests.SystemTests;

public sealed class SqliteSettingsStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("assistance-sqlite-settings-").FullName;

    [Fact]
    public async Task The_built_server_starts_sqlite_in_multi_thread_mode_without_memory_statistics()
    {
        var start = BuiltServer.StartInfo(_folder, Path.Combine(_folder, "assistance.db"), []);
        start.Environment["Audit__ChainKey"] = ApiFactory.ChainKey;
        var output = new StringBuilder();
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        server.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Said("Now listening on") && !server.HasExited)
            {
                Assert.True(DateTime.UtcNow < deadline, "the server did not start in time");
                await Task.Delay(100);
            }
            Assert.True(Said("SQLite runs in multi-thread mode, without memory statistics"), Output());
            Assert.False(Said("SQLite did not take its settings"), Output());
        }
        finally
        {
            if (!server.HasExited) server.Kill();
            await server.WaitForExitAsync();
        }

        bool Said(string text) { lock (output) return output.ToString().Contains(text, StringComparison.Ordinal); }
        string Output() { lock (output) return output.ToString(); }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
#endif
