using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests;

/// <summary>
/// In this project [Fact] and [Theory] resolve here (the enclosing namespace wins over the Xunit import):
/// without a PostgreSQL server a developer sees every test skipped with how to enable it; under CI=true
/// nothing is skipped, so a missing server fails the run.
/// </summary>
public sealed class FactAttribute : Xunit.FactAttribute
{
    public FactAttribute()
    {
        if (PostgresAvailability.SkipReason is { } reason) Skip = reason;
    }
}

public sealed class TheoryAttribute : Xunit.TheoryAttribute
{
    public TheoryAttribute()
    {
        if (PostgresAvailability.SkipReason is { } reason) Skip = reason;
    }
}

public static class PostgresAvailability
{
    public static string? SkipReason =>
        PostgresServer.Configured is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? PostgresServer.HowToEnable
            : null;
}
