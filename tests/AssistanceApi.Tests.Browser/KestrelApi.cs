using System.Net;
using AssistanceApi.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AssistanceApi.Tests.Browser;

/// <summary>
/// The API on a real loopback socket (Kestrel on a free port), on a fresh SQLite database with the demo data: a
/// browser cannot reach the in-memory test server.
/// </summary>
public static class KestrelApi
{
    public static ApiFactory Start()
    {
        var api = new ApiFactory();
        api.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        return api;
    }

    public static Uri Address(ApiFactory api) =>
        new(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
