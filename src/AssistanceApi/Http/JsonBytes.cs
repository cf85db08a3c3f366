namespace AssistanceApi.Http;

/// <summary>A 200 whose JSON was serialized before (a kept answer), written as it is.</summary>
public static class JsonBytes
{
    public static Task SendJsonBytesAsync(this HttpResponse response, byte[] json, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, ct).AsTask();
    }
}
