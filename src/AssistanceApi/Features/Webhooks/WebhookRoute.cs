using AssistanceApi.Http;
using FastEndpoints;

namespace AssistanceApi.Features.Webhooks;

public static class WebhookRoute
{
    public static Guid WebhookId(this BaseEndpoint endpoint) => Parse(endpoint, "id", "webhook");

    public static Guid DeliveryId(this BaseEndpoint endpoint) => Parse(endpoint, "deliveryId", "delivery");

    private static Guid Parse(BaseEndpoint endpoint, string name, string what) =>
        Guid.TryParse(endpoint.HttpContext.Request.RouteValues[name]?.ToString(), out var id)
            ? id
            : throw Problems.BadRequest($"The {what} id in the path is not a UUID.", new ProblemError(name, "must be a UUID", "invalid-id"));
}
