using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using FastEndpoints;

namespace AssistanceApi.Http;

/// <summary>
/// A GET or DELETE takes the query parameters its operation documents (its request's [QueryParam] properties), spelt
/// exactly: any other is a 400 naming it rather than ignored, as a misspelt ?directon=incoming listed both directions.
/// </summary>
public sealed class QueryRules(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> Accepted = new();

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.Query.Count == 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
            || http.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is not { } definition)
            return next(http);
        var accepted = Accepted.GetOrAdd(definition.ReqDtoType, QueryNamesOf);
        var unknown = request.Query.Keys.FirstOrDefault(name => !accepted.Contains(name));
        if (unknown is null) return next(http);
        var reason = accepted.Count == 0
            ? "this operation takes no query parameters."
            : $"{Problems.Quote(unknown)} is not a query parameter here (names are case-sensitive); expected one of: {string.Join(", ", accepted.Order())}.";
        return ProblemWriter.WriteAsync(http, new Problem
        {
            Title = "Bad Request", Status = 400, Type = Problems.TypeFor("invalid-input"),
            Detail = "The query names a parameter this operation does not take; nothing was done.",
            Errors = [new ProblemError(ValidationProblems.Cut(unknown), ValidationProblems.CutReason(reason), JsonFieldErrors.UnknownField)],
        });
    }

    private static FrozenSet<string> QueryNamesOf(Type request) =>
        request.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<QueryParamAttribute>() is not null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToFrozenSet(StringComparer.Ordinal);
}
