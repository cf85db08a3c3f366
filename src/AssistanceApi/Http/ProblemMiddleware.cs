
namespace AssistanceApi.Http;

/// <summary>Turns handler problems into problem+json, and anything unexpected into a 500 that says nothing internal.</summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (ApiProblemException e) when (!http.Response.HasStarted)
        {
            await ProblemWriter.WriteAsync(http, e.Problem);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            var status = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? 413 : 400;
            await ProblemWriter.WriteAsync(http, new Problem
            {
                Title = status == 413 ? "Content Too Large" : "Bad Request",
                Status = status,
                Detail = status == 413 ? "The request body is larger than this API accepts." : "The request could not be read.",
                Type = Problems.TypeFor(status == 413 ? "body-too-large" : "invalid-input"),
            });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            // Past the client's log scope by now: the client is named here.
            log.LogError(e, "Unhandled error on {Method} {Path} for client {ClientId}", http.Request.Method, http.Request.Path,
                http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "anonymous");
            await ProblemWriter.WriteAsync(http, new Problem
            {
                Title = "Internal Server Error",
                Status = 500,
                Detail = "The server could not complete the request. Quote the traceId when reporting it.",
                Type = Problems.TypeFor("internal-error"),
            });
        }
    }
}
