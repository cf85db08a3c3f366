using AssistanceApi.Http;

namespace AssistanceApi.Persistence;

/// <summary>
/// Enum values written into SQL text as the values their columns store (their wire names), for SQL built once from a
/// definition in the domain. A literal rather than a parameter where a partial index must be recognised in the query:
/// the planner matches the index's WHERE against the text, never against a parameter's value. Values in enum order.
/// </summary>
public static class SqlLiteral
{
    public static string Of<T>(T value) where T : struct, Enum => $"'{WireName.Of(value)}'";

    /// <summary><c>(… , …)</c>, for <c>IN</c>.</summary>
    public static string List<T>(IEnumerable<T> values) where T : struct, Enum =>
        $"({string.Join(", ", values.Order().Select(Of))})";

    /// <summary><c>column = 'a'</c>, or <c>column IN ('a', 'b')</c>.</summary>
    public static string In<T>(string column, params IEnumerable<T> values) where T : struct, Enum =>
        values.Count() == 1 ? $"{column} = {Of(values.Single())}" : $"{column} IN {List(values)}";

    /// <summary><c>column &lt;&gt; 'a'</c>, or <c>column NOT IN ('a', 'b')</c>: the forms the partial indexes of migration 0008 use.</summary>
    public static string NotIn<T>(string column, params IEnumerable<T> values) where T : struct, Enum =>
        values.Count() == 1 ? $"{column} <> {Of(values.Single())}" : $"{column} NOT IN {List(values)}";
}
