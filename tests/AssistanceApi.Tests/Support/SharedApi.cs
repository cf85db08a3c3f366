namespace AssistanceApi.Tests.Support;

/// <summary>
/// One host shared by the tests of a class (<c>IClassFixture&lt;SharedApi&gt;</c>): each test works on requests of its
/// own and moves no clock. A test that needs an empty database, to move the clock, other settings or a restart keeps
/// an <see cref="ApiFactory"/> of its own.
/// </summary>
public sealed class SharedApi : ApiFactory
{
    public SharedApi()
    {
        // Together a class's tests may send more than a minute's 600 calls from one demo key; the limit itself is
        // tested by RateLimitTests on hosts of their own.
        Settings["RateLimiting:PermitsPerMinute"] = "1000000";
    }
}
