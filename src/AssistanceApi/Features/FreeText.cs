using FluentValidation;

namespace AssistanceApi.Features;

/// <summary>
/// The one rule for text a person writes into this API (names, facts, reasons, conditions, messages, identifiers):
/// these texts end up in court files, terminals and logs, so nothing in them may move the cursor, colour the
/// screen or reorder what is displayed. Refused everywhere: C0 controls, DEL, C1 controls (U+0080–U+009F) and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). Long texts keep their
/// paragraphs: tab, line feed, a carriage return before a line feed, and U+2028/U+2029. Single-line texts take none of those.
/// </summary>
public static class FreeText
{
    public const int ShortLength = 500;
    public const int LongLength = 20_000;

    public const string Code = "invalid-characters";

    public const string SingleLineReason =
        "control characters (tab and line breaks included) and bidirectional overrides are not allowed in this field.";

    public const string MultiLineReason =
        "control characters other than tab and line breaks, and bidirectional overrides, are not allowed.";

    /// <summary>True when the text holds nothing the rule refuses.</summary>
    public static bool IsClean(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c < '\u007F') continue;
            if (c < ' ')
            {
                if (!multiLine) return false;
                if (c is '\t' or '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')) continue;
                return false;
            }
            if (c <= '\u009F' || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return false;
            if (c is '\u2028' or '\u2029' && !multiLine) return false;
        }
        return true;
    }

    /// <summary>A single-line text: a name, a reference, a phone number, an identifier.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, int max = ShortLength) =>
        rule.MaximumLength(max).WithErrorCode("too-long").WithMessage($"at most {max} characters.")
            .Must(s => s is null || IsClean(s, multiLine: false)).WithErrorCode(Code).WithMessage(SingleLineReason);

    /// <summary>A text of paragraphs: facts, reasons, a message.</summary>
    public static IRuleBuilderOptions<T, string?> MultiLine<T>(this IRuleBuilder<T, string?> rule, int max = LongLength) =>
        rule.MaximumLength(max).WithErrorCode("too-long").WithMessage($"at most {max} characters.")
            .Must(s => s is null || IsClean(s, multiLine: true)).WithErrorCode(Code).WithMessage(MultiLineReason);
}
