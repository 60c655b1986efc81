using Cockpit.Ingest.Write;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Ingest.Http;

/// <summary>Maps the HTTP ingest adapters: InfluxDB's write API (v1 and v2), its ping, and Cockpit's JSON ingest.</summary>
public static class IngestEndpoints
{
    /// <summary>
    /// <c>POST /write</c> (InfluxDB 1.x), <c>POST /api/v2/write</c> (2.x), <c>GET|HEAD /ping</c>, <c>GET /health</c>
    /// (what 2.x clients check) and <c>POST /api/ingest</c> (JSON or NDJSON).
    /// </summary>
    public static IEndpointRouteBuilder MapCockpitIngest(this IEndpointRouteBuilder endpoints)
    {
        var handler = endpoints.ServiceProvider.GetRequiredService<IngestHttpHandler>();
        endpoints.MapPost("/write", context => handler.WriteAsync(context, PayloadFormat.LineProtocol, IngestApiFlavor.InfluxV1))
            .WithName("InfluxWriteV1").DisableAntiforgery();
        endpoints.MapPost("/api/v2/write", context => handler.WriteAsync(context, PayloadFormat.LineProtocol, IngestApiFlavor.InfluxV2))
            .WithName("InfluxWriteV2").DisableAntiforgery();
        endpoints.MapPost("/api/ingest", context => handler.WriteAsync(context, PayloadFormat.Json, IngestApiFlavor.Json))
            .WithName("JsonIngest").DisableAntiforgery();
        endpoints.MapMethods("/ping", [HttpMethods.Get, HttpMethods.Head], IngestHttpHandler.Ping).WithName("InfluxPing");
        endpoints.MapGet("/health", IngestHttpHandler.Health).WithName("InfluxHealth");
        return endpoints;
    }
}
