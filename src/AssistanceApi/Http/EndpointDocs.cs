namespace AssistanceApi.Http;

public static class EndpointDocs
{
    /// <summary>Documents the problem+json responses an endpoint may send.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.Produces<Problem>(status, ProblemWriter.ContentType);
        return builder;
    }
}
