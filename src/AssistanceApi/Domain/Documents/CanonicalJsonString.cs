using System.Globalization;
using System.Text;

namespace AssistanceApi.Domain.Documents;

/// <summary>A JSON string as RFC 8785 3.2.2.2 writes it: only the quote, the backslash and the C0 controls escaped.</summary>
internal static class CanonicalJsonString
{
    public static StringBuilder AppendJsonString(this StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\b' => json.Append("\\b"),
                '\t' => json.Append("\\t"),
                '\n' => json.Append("\\n"),
                '\f' => json.Append("\\f"),
                '\r' => json.Append("\\r"),
                < ' ' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        return json.Append('"');
    }
}
