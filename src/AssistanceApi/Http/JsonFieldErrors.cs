using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AssistanceApi.Domain.Events;

namespace AssistanceApi.Http;

/// <summary>
/// Names what went wrong when a body does not bind: the JSON path of the failure is walked through the type the body
/// binds to and through the body itself, so the error says which field, what it takes and what arrived, with a code of
/// its own: <c>unknown-field</c>, <c>unknown-enum-value</c>, <c>malformed-date</c>, <c>out-of-range</c> or <c>wrong-type</c>. STJ's own
/// message is never passed on: it names CLR types.
/// </summary>
public static class JsonFieldErrors
{
    public const string UnknownField = "unknown-field", UnknownEnumValue = "unknown-enum-value", MalformedDate = "malformed-date", WrongType = "wrong-type",
        OutOfRange = "out-of-range";

    /// <summary>Not a field's fault: the text is not JSON, or not the one JSON object a body is.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>
    /// The error for a binding failure; null when the path does not lead through <paramref name="target"/>. Without the
    /// body (or when it cannot be read again: invalid text, a repeated key) the error says what was expected only.
    /// </summary>
    public static ProblemError? Describe(JsonException exception, Type target, JsonNode? body)
    {
        try
        {
            return Walk(exception, target, body);
        }
        catch (Exception e) when (body is not null && e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return Walk(exception, target, null);
        }
    }

    private static ProblemError? Walk(JsonException exception, Type target, JsonNode? body)
    {
        if (Segments(exception.Path) is not { Count: > 0 } segments) return null;
        var type = target;
        JsonNode? node = body;
        var name = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                if (ElementType(type) is not { } element) return null;
                type = element;
                node = node is JsonArray array && index < array.Count ? array[index] : null;
                name.Append('[').Append(index).Append(']');
                continue;
            }
            var field = (string)segment;
            if (name.Length > 0) name.Append('.');
            name.Append(field);
            var properties = ObjectProperties(type);
            if (properties is null) return null;
            var property = properties.FirstOrDefault(p => p.Name == field);
            if (property is null)
                return Error(name.ToString(), UnknownField,
                    $"{Problems.Quote(field)} is not a field here (names are case-sensitive); expected one of: {string.Join(", ", properties.Select(p => p.Name))}.");
            type = property.PropertyType;
            node = node is JsonObject parent && parent.TryGetPropertyValue(field, out var child) ? child : null;
        }
        return Mismatch(name.ToString(), Nullable.GetUnderlyingType(type) ?? type, node, body is not null);
    }

    private static ProblemError Mismatch(string name, Type type, JsonNode? arrived, bool bodyKnown)
    {
        if (type.IsEnum) return NotOneOf(name, EnumNames(type), arrived, bodyKnown);
        var what = bodyKnown ? Arrived(arrived) : "a value of another kind";
        var isString = arrived?.GetValueKind() == JsonValueKind.String;
        if (type == typeof(DateOnly))
            return Error(name, isString ? MalformedDate : WrongType, $"{name} must be a date as YYYY-MM-DD (2026-11-27); {what} arrived.");
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return Error(name, isString ? MalformedDate : WrongType, $"{name} must be an RFC 3339 timestamp (2026-11-27T18:06:05Z); {what} arrived.");
        if (bodyKnown && NumberTooLarge(type, arrived) is { } range)
            return Error(name, OutOfRange, $"{name} must be a number from {range}; {what} arrived.");
        return Error(name, WrongType, $"{name} must be {Expected(type)}; {what} arrived.");
    }

    /// <summary>
    /// The range of <paramref name="type"/> when a number arrived that is of the right kind (whole, for a whole-number
    /// field) but outside it, 1e308 for a decimal: a number, though "must be a number" said otherwise. A number inside
    /// the range that did not bind (7.0 for a whole number) is the wrong kind, not too large.
    /// </summary>
    private static string? NumberTooLarge(Type type, JsonNode? arrived)
    {
        if (arrived?.GetValueKind() != JsonValueKind.Number
            || !double.TryParse(arrived.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            return null;
        var whole = double.IsInfinity(value) || Math.Floor(value) == value;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 when whole && (value < int.MinValue || value > int.MaxValue) => $"{int.MinValue} to {int.MaxValue}",
            TypeCode.Int64 when whole && (value < long.MinValue || value > long.MaxValue) => $"{long.MinValue} to {long.MaxValue}",
            TypeCode.Decimal when Math.Abs(value) > (double)decimal.MaxValue => $"{decimal.MinValue} to {decimal.MaxValue}",
            _ => null,
        };
    }

    /// <summary>A value that is not one of a closed list of names: an enum's, or a list the core keeps as strings.</summary>
    public static ProblemError NotOneOf(string name, IEnumerable<string> allowed, JsonNode? arrived, bool bodyKnown = true)
    {
        var what = bodyKnown ? Arrived(arrived) : "a value of another kind";
        var values = string.Join(", ", allowed);
        return arrived?.GetValueKind() == JsonValueKind.String
            ? Error(name, UnknownEnumValue, $"{name} must be one of {values}; {what} arrived.")
            : Error(name, WrongType, $"{name} must be a string, one of {values}; {what} arrived.");
    }

    /// <summary>A name that is none of the event types, with every type listed: the feed's filter and a webhook's types say the same.</summary>
    public static string NotAnEventType(string? arrived) =>
        $"{(arrived is null ? "null" : Problems.Quote(arrived))} is not an event type; the types are: {string.Join(", ", EventTypes.All.Select(t => t.Name))}.";

    /// <summary>A string that is none of the enum's values, spelt exactly: in a body's field or a query's parameter alike.</summary>
    public static ProblemError NotAnEnumValue(string name, Type enumType, string arrived) => NotOneOf(name, EnumNames(enumType), JsonValue.Create(arrived));

    private static IEnumerable<string> EnumNames(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(v => JsonSerializer.Serialize(v, enumType, JsonDefaults.Options).Trim('"'));

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.String or TypeCode.Char => "a string",
        TypeCode.Boolean => "true or false",
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
            or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
        TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
        _ when type == typeof(Guid) => "a UUID string",
        _ when ElementType(type) is not null => "a list",
        _ => "an object",
    };

    private static string Arrived(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => Problems.Quote(node.GetValue<string>()),
        _ => node.ToJsonString(),
    };

    private static ProblemError Error(string name, string code, string reason) =>
        new(ValidationProblems.Cut(name), ValidationProblems.CutReason(reason), code);

    private static IList<JsonPropertyInfo>? ObjectProperties(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var info = JsonDefaults.Options.GetTypeInfo(type);
        return info.Kind == JsonTypeInfoKind.Object ? info.Properties : null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        return type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
            ?? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null);
    }

    /// <summary>STJ's path ($.persons[0].role, $['odd name']) as field names and indexes; null when it is not one.</summary>
    private static List<object>? Segments(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '$') return null;
        var segments = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) return null;
                segments.Add(path[(i + 2)..end]);
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index)) return null;
                segments.Add(index);
                i = end + 1;
            }
            else return null;
        }
        return segments;
    }
}
