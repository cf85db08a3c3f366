using AssistanceApi.Tests.Support;

namespace AssistanceApi.Tests.Persistence;

/// <summary>
/// How long a process may keep what it read (ReadLifetime.From): each such setting takes 0 to 5 seconds, and
/// anything else stops the start with a message naming it.
/// </summary>
public sealed class ReadLifetimeSettingsTests
{
    public static TheoryData<string, string> Refused()
    {
        var data = new TheoryData<string, string>();
        foreach (var setting in new[] { "Auth:KeyCacheSeconds", "Requests:ListPageSeconds", "Requests:GetSeconds" })
        foreach (var seconds in new[] { "6", "-1", "NaN", "five", "" })
            data.Add(setting, seconds);
        return data;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_lifetime_outside_zero_to_five_seconds_stops_the_start(string setting, string seconds)
    {
        await using var api = new ApiFactory();
        api.Settings[setting] = seconds;

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains(setting, error.ToString());
    }
}
