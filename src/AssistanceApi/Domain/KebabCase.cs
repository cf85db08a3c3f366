using System.Collections.Frozen;
using System.Text;

namespace AssistanceApi.Domain;

/// <summary>
/// The kebab-case name of an enum value (VideoHearing → video-hearing), for messages that name a value the way
/// a client writes it. Computed once per enum type.
/// </summary>
public static class KebabCase
{
    public static string Of<T>(T value) where T : struct, Enum => Names<T>.ByValue[value];

    /// <summary>The enum value a kebab-case name names, or null.</summary>
    public static T? Find<T>(string name) where T : struct, Enum => Names<T>.ByName.TryGetValue(name, out var value) ? value : null;

    /// <summary>The enum value of a name this API stored itself.</summary>
    public static T Parse<T>(string name) where T : struct, Enum =>
        Find<T>(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"Not a {typeof(T).Name}.");

    public static string Convert(string pascalCase)
    {
        var text = new StringBuilder(pascalCase.Length + 4);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (char.IsUpper(c) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Convert(v.ToString()));

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
