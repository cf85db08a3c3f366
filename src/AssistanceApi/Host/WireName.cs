using System.Text.Json;
using AssistanceApi.Host;

namespace AssistanceApi;

/// <summary>The kebab-case wire name of an enum value, as stored and as sent.</summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, JsonDefaults.Options).Trim('"');

    public static T Parse<T>(string name) where T : struct, Enum => JsonSerializer.Deserialize<T>($"\"{name}\"", JsonDefaults.Options);

    public static bool TryParse<T>(string name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) != name) continue;
            value = candidate;
            return true;
        }
        value = default;
        return false;
    }
}
