using AssistanceApi.Persistence;

namespace AssistanceApi;

public static class ClockExtensions
{
    /// <summary>Now, to the microsecond: the precision every stored timestamp has, on either database.</summary>
    public static DateTimeOffset Now(this TimeProvider clock) => TypeHandlers.ToMicroseconds(clock.GetUtcNow());
}
