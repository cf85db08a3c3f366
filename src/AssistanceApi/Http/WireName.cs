using System.Collections.Frozen;
using System.Text.Json;

namespace AssistanceApi.Http;

/// <summary>The kebab-case wire name of an enum value, as stored and as sent. Computed once per enum type.</summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    public static T Parse<T>(string name) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name}.");

    public static bool TryParse<T>(string name, out T value) where T : struct, Enum => Names<T>.ByName.TryGetValue(name, out value);

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => JsonSerializer.Serialize(v, JsonDefaults.Options).Trim('"'));

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
