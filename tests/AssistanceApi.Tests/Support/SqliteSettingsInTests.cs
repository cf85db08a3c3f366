using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using AssistanceApi.Persistence;

namespace AssistanceApi.Tests.Support;

/// <summary>
/// The server's SQLite settings (ADR 0016) made in this test process too, when it loads and so before any test opens
/// SQLite: every test runs SQLite in the mode the server runs it, whichever test happens to open it first.
/// </summary>
internal static class SqliteSettingsInTests
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "SQLite takes these settings only before it starts; a test assembly has no earlier hook.")]
    internal static void Apply() => SqliteProcessSettings.Apply();
}
