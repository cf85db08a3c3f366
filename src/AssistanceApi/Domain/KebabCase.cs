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
    }
}
