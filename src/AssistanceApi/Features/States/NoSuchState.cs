using AssistanceApi.Http;

namespace AssistanceApi.Features.States;

/// <summary>The 404 for a code that names no UN Member State, as every States slice answers it.</summary>
public static class NoSuchState
{
    public static ApiProblemException For(string code) =>
        Problems.NotFound($"No UN Member State has the code {Problems.Quote(code)} (ISO 3166-1 alpha-3, upper case).");
}
